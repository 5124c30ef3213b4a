namespace VenvStacks.Packaging.Resolution;

/// <summary>Where repeated conflicts moved a package in the decision order (see <see cref="ConflictTracker"/>).</summary>
internal enum ConflictPriority
{
    /// <summary>Decided in discovery order.</summary>
    None,

    /// <summary>Its decisions kept rejecting other packages: decided after those, but before unrelated packages.</summary>
    Late,

    /// <summary>Its versions kept being rejected: decided before the packages that rejected them.</summary>
    Early,
}
