namespace VenvStacks.Packaging.Pep751;

/// <summary>The <c>[packages.archive]</c> table of a pylock.toml: a direct URL or local archive (sdist or wheel).</summary>
public sealed record PyLockArchive
{
    /// <summary>Where to download the archive.</summary>
    public string? Url { get; init; }

    /// <summary>A local path to the archive, with <c>/</c> separators.</summary>
    public string? Path { get; init; }

    /// <summary>The file size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>When the file was uploaded.</summary>
    public DateTimeOffset? UploadTime { get; init; }

    /// <summary>The directory inside the archive that holds the project, with <c>/</c> separators.</summary>
    public string? Subdirectory { get; init; }

    /// <summary>Hash algorithm name to lower-case hex digest, in file order.</summary>
    public IReadOnlyDictionary<string, string> Hashes { get; init => field = PyLockTables.Freeze(value); } = ValueMap<string>.Empty;

    /// <summary>Keys of the table that this model does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, object> Unknown { get; init => field = TomlData.FreezeTable(value); } = ValueMap<object>.Empty;
}
