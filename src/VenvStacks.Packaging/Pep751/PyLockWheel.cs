namespace VenvStacks.Packaging.Pep751;

/// <summary>A <c>[[packages.wheels]]</c> entry of a pylock.toml: one wheel file of the package.</summary>
public sealed record PyLockWheel
{
    /// <summary>The wheel file name; PEP 751 allows leaving it out when it equals the last segment of
    /// <see cref="Url"/> or <see cref="Path"/> (uv writes it only when they differ, e.g. for URL-escaped names).</summary>
    public string? Name { get; init; }

    /// <summary>Where to download the wheel, or null for a local file.</summary>
    public string? Url { get; init; }

    /// <summary>A local path to the wheel, relative to the lock file's directory or absolute, with <c>/</c>
    /// separators; venvstacks rewrites absolute local wheel paths to relative ones.</summary>
    public string? Path { get; init; }

    /// <summary>When the file was uploaded to the index (a TOML offset date-time).</summary>
    public DateTimeOffset? UploadTime { get; init; }

    /// <summary>The file size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Hash algorithm name (e.g. <c>sha256</c>) to lower-case hex digest, in file order. Required by PEP 751.</summary>
    public IReadOnlyDictionary<string, string> Hashes { get; init => field = PyLockTables.Freeze(value); } = ValueMap<string>.Empty;

    /// <summary>Keys of the entry that this model does not know, kept as read (see <see cref="PyLock"/> for value types).</summary>
    public IReadOnlyDictionary<string, object> Unknown { get; init => field = TomlData.FreezeTable(value); } = ValueMap<object>.Empty;

    /// <summary>The wheel's file name: <see cref="Name"/>, else the last segment of <see cref="Path"/> or of
    /// <see cref="Url"/>'s path, URL-unescaped; null when none is present.</summary>
    public string? FileName => Name ?? PyLockTables.LastSegment(Path, Url);
}
