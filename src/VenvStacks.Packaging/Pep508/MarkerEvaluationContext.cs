namespace VenvStacks.Packaging.Pep508;

/// <summary>Where a marker is evaluated, which decides the defaults of the extra-related variables.</summary>
public enum MarkerEvaluationContext
{
    /// <summary>Core metadata (<c>Requires-Dist</c>): <c>extra</c> defaults to the empty string.</summary>
    Metadata,

    /// <summary>A lock file (PEP 751): <c>extras</c> and <c>dependency_groups</c> default to empty sets; <c>extra</c> is undefined.</summary>
    LockFile,

    /// <summary>Any other requirement: no defaults.</summary>
    Requirement,
}
