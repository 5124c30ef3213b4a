namespace VenvStacks.Packaging.Resolution;

/// <summary>Why a listed version cannot be chosen on the target, before any dependency is considered.</summary>
internal enum UnusableReason
{
    /// <summary>The version can be chosen.</summary>
    None,

    /// <summary>Only source distributions (or no files at all).</summary>
    NoWheels,

    /// <summary>Every wheel is yanked and no root requirement or constraint pins the version.</summary>
    Yanked,

    /// <summary>Every remaining wheel's <c>Requires-Python</c> excludes the target Python.</summary>
    RequiresPython,

    /// <summary>No remaining wheel has a tag the target supports.</summary>
    IncompatibleWheels,

    /// <summary>A pre-release nobody asked for.</summary>
    Prerelease,
}
