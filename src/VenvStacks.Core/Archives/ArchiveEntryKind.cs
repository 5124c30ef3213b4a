namespace VenvStacks.Core.Archives;

/// <summary>What an archive entry, or a file-system entry about to be archived, is.</summary>
public enum ArchiveEntryKind
{
    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A regular file.</summary>
    File,

    /// <summary>A symbolic link; its target is stored as text.</summary>
    SymbolicLink,

    /// <summary>A tar hard link: another name for a file stored earlier in the archive.</summary>
    HardLink,

    /// <summary>A character device.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A Unix domain socket (found on disk only; no archive format stores one).</summary>
    Socket,

    /// <summary>Any other tar entry type (sparse, multi-volume, ...): never extracted.</summary>
    Other,
}
