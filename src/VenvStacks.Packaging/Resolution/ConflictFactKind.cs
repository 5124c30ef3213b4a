namespace VenvStacks.Packaging.Resolution;

/// <summary>What kind of fact took part in a failed resolution.</summary>
public enum ConflictFactKind
{
    /// <summary>A root requirement.</summary>
    RootRequirement,

    /// <summary>A constraint (see <see cref="ConflictFact.Origin"/> for who imposed it).</summary>
    Constraint,

    /// <summary>A dependency of a package version.</summary>
    Dependency,

    /// <summary>A required package that the index does not have.</summary>
    PackageNotFound,

    /// <summary>Versions that only have source distributions (resolution is binary-only).</summary>
    NoWheels,

    /// <summary>Versions whose wheels are all for other platforms, Python versions or ABIs.</summary>
    IncompatibleWheels,

    /// <summary>Versions whose <c>Requires-Python</c> excludes the target Python.</summary>
    RequiresPython,

    /// <summary>Yanked versions that no root requirement or constraint pins with <c>==</c>.</summary>
    Yanked,

    /// <summary>Pre-releases nobody asked for.</summary>
    Prerelease,
}
