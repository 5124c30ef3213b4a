namespace VenvStacks.Packaging.Pep751;

/// <summary>The <c>[packages.vcs]</c> table of a pylock.toml: a version control checkout.</summary>
public sealed record PyLockVcs
{
    /// <summary>The version control system, e.g. <c>git</c>. Required.</summary>
    public required string Type { get; init; }

    /// <summary>The repository URL.</summary>
    public string? Url { get; init; }

    /// <summary>A local repository path, with <c>/</c> separators.</summary>
    public string? Path { get; init; }

    /// <summary>The branch, tag or revision that was asked for.</summary>
    public string? RequestedRevision { get; init; }

    /// <summary>The exact commit that was locked. Required.</summary>
    public required string CommitId { get; init; }

    /// <summary>The directory inside the repository that holds the project.</summary>
    public string? Subdirectory { get; init; }

    /// <summary>Keys of the table that this model does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, object> Unknown { get; init => field = TomlData.FreezeTable(value); } = ValueMap<object>.Empty;
}
