namespace VenvStacks.Core.SourceTrees;

/// <summary>What makes a module folder unusable.</summary>
public enum ModuleTreeProblemKind
{
    /// <summary>A symbolic link whose target does not exist or that loops.</summary>
    BrokenLink,

    /// <summary>More files and folders than <see cref="ModuleTreeLimits.MaxEntries"/>.</summary>
    TooManyEntries,

    /// <summary>More bytes than <see cref="ModuleTreeLimits.MaxBytes"/>.</summary>
    TooManyBytes,

    /// <summary>A folder that cannot be listed.</summary>
    Unreadable,
}

/// <summary>The first problem found in a module folder.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Path">The entry at fault (the module folder itself for the size limits).</param>
/// <param name="Detail">Words for a message: where a broken link points, the limit exceeded, the system's error.</param>
public sealed record ModuleTreeProblem(ModuleTreeProblemKind Kind, string Path, string Detail);
