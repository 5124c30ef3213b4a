namespace VenvStacks.Packaging.Pep751;

/// <summary>The <c>[packages.sdist]</c> table of a pylock.toml: the package's source distribution.</summary>
public sealed record PyLockSdist
{
    /// <summary>The sdist file name, when it differs from the last segment of <see cref="Url"/> or <see cref="Path"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Where to download the sdist.</summary>
    public string? Url { get; init; }

    /// <summary>A local path to the sdist, with <c>/</c> separators.</summary>
    public string? Path { get; init; }

    /// <summary>When the file was uploaded to the index.</summary>
    public DateTimeOffset? UploadTime { get; init; }

    /// <summary>The file size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Hash algorithm name to lower-case hex digest, in file order.</summary>
    public IReadOnlyDictionary<string, string> Hashes { get; init => field = PyLockTables.Freeze(value); } = ValueMap<string>.Empty;

    /// <summary>Keys of the table that this model does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, object> Unknown { get; init => field = TomlData.FreezeTable(value); } = ValueMap<object>.Empty;
}
