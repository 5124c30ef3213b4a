namespace VenvStacks.Core.SourceTrees;

/// <summary>What a path names, looking through one symbolic link (as Python's <c>os.walk</c> and copying do).</summary>
public enum FileSystemEntryKind
{
    /// <summary>Nothing there (or a folder above it is missing).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    File,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link to a regular file: read through the link.</summary>
    LinkToFile,

    /// <summary>A symbolic link to a folder: listed, never descended into.</summary>
    LinkToDirectory,

    /// <summary>A symbolic link whose target does not exist or that loops back on itself.</summary>
    BrokenLink,

    /// <summary>
    /// A named pipe, socket or device, or a link to one: no source content, and reading some of them blocks forever
    /// (a pipe waits for a writer) or never ends (<c>/dev/zero</c>).
    /// </summary>
    Special,
}
