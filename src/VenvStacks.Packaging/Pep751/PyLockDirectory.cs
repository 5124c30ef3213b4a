namespace VenvStacks.Packaging.Pep751;

/// <summary>The <c>[packages.directory]</c> table of a pylock.toml: a local source tree.</summary>
public sealed record PyLockDirectory
{
    /// <summary>The directory, relative to the lock file or absolute, with <c>/</c> separators. Required.</summary>
    public required string Path { get; init; }

    /// <summary>Whether to install it in editable mode.</summary>
    public bool? Editable { get; init; }

    /// <summary>The directory below <see cref="Path"/> that holds the project.</summary>
    public string? Subdirectory { get; init; }

    /// <summary>Keys of the table that this model does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, object> Unknown { get; init => field = TomlData.FreezeTable(value); } = ValueMap<object>.Empty;
}
