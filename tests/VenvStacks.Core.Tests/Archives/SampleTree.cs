using System.Security.Cryptography;
using System.Text;

namespace VenvStacks.Core.Tests.Archives;

/// <summary>
/// A small layered-environment-like tree: nested folders, an empty folder, executable and empty files, a 1.25 MB
/// file (more than one 1 MiB copy block), internal and external symbolic links (<c>../../cpython-3.11/bin/python</c>,
/// as layered environments have), names needing PAX records (non-ASCII, longer than 100 bytes), names whose
/// code-point order differs from UTF-16 order, and what the publish policy leaves out (<c>__pycache__</c>,
/// <c>sitecustomize.py</c>, <c>pyvenv.cfg</c>, a top-level dot file). <see cref="TreeHistory"/> varies everything an
/// archive must not depend on.
/// </summary>
internal static class SampleTree
{
    public const string ExternalLink = "bin/python";
    public const string ExternalLinkTarget = "../../cpython-3.11/bin/python";
    public const string LongName = "lib/python3.11/site-packages/pkg/a_module_name_that_is_long_enough_to_need_a_pax_path_record_in_any_tar_header_written.py";

    private static readonly Lazy<byte[]> LargeContent = new(() =>
    {
        // Letters from a seeded generator: some redundancy for the compressors, no long runs.
        var random = new Random(20240506);
        var bytes = new byte[1_250_000];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + random.Next(16));
        }

        return bytes;
    });

    /// <summary>The entries, relative paths with '/', in a creation order.</summary>
    public static IReadOnlyList<SampleEntry> Entries { get; } =
    [
        SampleEntry.Folder("bin"),
        SampleEntry.Link(ExternalLink, ExternalLinkTarget),
        SampleEntry.Link("bin/python3", "python"),
        SampleEntry.Text("bin/tool", "#!/bin/sh\necho tool\n", executable: true),
        SampleEntry.Text("bin/activate", "# not executable\n"),
        SampleEntry.Folder("lib/python3.11/site-packages/pkg/__pycache__"),
        SampleEntry.Text("lib/python3.11/site-packages/pkg/__init__.py", "VALUE = 1\n"),
        SampleEntry.Text("lib/python3.11/site-packages/pkg/__pycache__/__init__.cpython-311.pyc", "compiled"),
        SampleEntry.Binary("lib/python3.11/site-packages/pkg/data.bin", LargeContent.Value),
        SampleEntry.Text("lib/python3.11/site-packages/pkg/same-as-init.py", "VALUE = 1\n"),
        SampleEntry.Text("lib/python3.11/site-packages/pkg/empty.txt", string.Empty),
        SampleEntry.Text("lib/python3.11/site-packages/pkg/.nested-dot-file", "kept\n"),
        SampleEntry.Link("lib/python3.11/site-packages/pkg/alias.py", "__init__.py"),
        SampleEntry.Text(LongName, "LONG = True\n"),
        SampleEntry.Text("lib/python3.11/site-packages/sitecustomize.py", "import sys\n"),
        SampleEntry.Text("lib/python3.11/site-packages/d\u00e9j\u00e0-vu.txt", "non-ASCII name\n"),
        SampleEntry.Text("lib/python3.11/site-packages/order/B.txt", "B\n"),
        SampleEntry.Text("lib/python3.11/site-packages/order/a.txt", "a\n"),
        SampleEntry.Text("lib/python3.11/site-packages/order/\uFF21.txt", "fullwidth A\n"),
        SampleEntry.Text("lib/python3.11/site-packages/order/\U0001D4B3.txt", "mathematical script X\n"),
        SampleEntry.Text("lib/python3.11/site-packages/order/a/inner.txt", "inside a/\n"),
        SampleEntry.Text("lib/python3.11/site-packages/order/a-b.txt", "a-b\n"),
        SampleEntry.Folder("share/empty"),
        SampleEntry.Text("pyvenv.cfg", "home = /somewhere/bin\n"),
        SampleEntry.Text(".top-level-dot-file", "left out\n"),
    ];

    /// <summary>venvstacks' publish policy (docs/venvstacks-reference.md §4.3), as callers pass it.</summary>
    public static bool PublishPolicy(VenvStacks.Core.Archives.ArchiveSourceItem item) =>
        item.Name is not ("__pycache__" or "sitecustomize.py")
        && !(item.IsTopLevel && (item.Name == "pyvenv.cfg" || item.Name.StartsWith('.')));

    /// <summary>Writes the tree under <paramref name="root"/> with the given history.</summary>
    public static void Create(string root, TreeHistory history)
    {
        Directory.CreateDirectory(root);
        var entries = history.ReverseCreationOrder ? Entries.Reverse() : Entries;
        string? firstCopy = null;
        foreach (var entry in entries)
        {
            var path = FullPath(root, entry);
            Directory.CreateDirectory(entry.IsFolder ? path : Path.GetDirectoryName(path)!);
            if (entry.LinkTarget is { } target)
            {
                File.CreateSymbolicLink(path, target);
            }
            else if (entry.Content is { } content)
            {
                // Two files of equal content: one a hard link of the other where the history asks for it.
                if (history.HardLinkDuplicates && content.AsSpan().SequenceEqual("VALUE = 1\n"u8) && firstCopy is not null)
                {
                    PosixFiles.HardLink(firstCopy, path);
                    continue;
                }

                File.WriteAllBytes(path, content);
                if (content.AsSpan().SequenceEqual("VALUE = 1\n"u8))
                {
                    firstCopy = path;
                }
            }
        }

        ApplyHistory(root, history);
    }

    /// <summary>The tree's entries after the publish policy, as they should come out of an archive.</summary>
    public static IEnumerable<SampleEntry> Published =>
        Entries.Where(e => e.Path.Split('/').All(c => c is not ("__pycache__" or "sitecustomize.py"))
                           && e.Path is not ("pyvenv.cfg" or ".top-level-dot-file"));

    private static void ApplyHistory(string root, TreeHistory history)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var executables = Entries.Where(e => e.Executable).Select(e => FullPath(root, e)).ToHashSet();
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Append(root))
        {
            if (new FileInfo(path).LinkTarget is null)
            {
                var mode = Directory.Exists(path) ? history.DirectoryMode
                    : executables.Contains(path) ? history.ExecutableMode
                    : history.FileMode;
                File.SetUnixFileMode(path, mode);
                if (history.Time is { } time)
                {
                    File.SetLastWriteTimeUtc(path, time);
                    File.SetLastAccessTimeUtc(path, time);
                }
            }

            if (history.Owner is { } owner && PosixFiles.IsRoot)
            {
                PosixFiles.ChangeOwner(path, owner, owner);
            }
        }
    }

    private static string FullPath(string root, SampleEntry entry) => Path.Combine(root, entry.Path.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>What differs between two trees of the same content.</summary>
internal sealed record TreeHistory(bool ReverseCreationOrder, DateTime? Time, UnixFileMode FileMode, UnixFileMode ExecutableMode, UnixFileMode DirectoryMode, int? Owner, bool HardLinkDuplicates)
{
    private const UnixFileMode Rw = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Rwx = Rw | UnixFileMode.UserExecute;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode OthersX = Others | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Created in listed order, now, with umask-022 modes, owned by the test user.</summary>
    public static TreeHistory Plain { get; } = new(false, null, Rw | Others, Rwx | OthersX, Rwx | OthersX, null, false);

    /// <summary>Created in reverse order, old times, umask-077 modes, another owner, duplicates hard-linked.</summary>
    public static TreeHistory Other { get; } = new(true, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc), Rw, Rwx, Rwx, 4321, true);
}

/// <summary>One entry of <see cref="SampleTree"/>.</summary>
internal sealed record SampleEntry(string Path, byte[]? Content, string? LinkTarget, bool Executable)
{
    public bool IsFolder => Content is null && LinkTarget is null;

    public string Sha256 => Content is null ? string.Empty : Convert.ToHexString(SHA256.HashData(Content));

    public static SampleEntry Folder(string path) => new(path, null, null, false);

    public static SampleEntry Link(string path, string target) => new(path, null, target, false);

    public static SampleEntry Text(string path, string text, bool executable = false) => new(path, Encoding.UTF8.GetBytes(text), null, executable);

    public static SampleEntry Binary(string path, byte[] content) => new(path, content, null, false);
}
