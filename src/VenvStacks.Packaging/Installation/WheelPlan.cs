using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Installation;

/// <summary>A wheel whose names, metadata and RECORD rows have been validated, mapped onto an install scheme.</summary>
/// <param name="Subject">The wheel file name, for messages.</param>
/// <param name="DistInfoName">The <c>.dist-info</c> folder name, e.g. <c>pip-23.2.1.dist-info</c>.</param>
/// <param name="LibDirectory">The full path of the folder the wheel's root and <c>.dist-info</c> go to.</param>
/// <param name="Wheel">The WHEEL file.</param>
/// <param name="Metadata">The METADATA file.</param>
/// <param name="Files">The files to write, in archive order.</param>
internal sealed record WheelPlan(
    string Subject,
    string DistInfoName,
    string LibDirectory,
    WheelInfo Wheel,
    DistributionMetadata Metadata,
    IReadOnlyList<PlannedFile> Files)
{
    /// <summary>The full path of the installed <c>.dist-info</c> folder.</summary>
    public string DistInfoDirectory => Path.Combine(LibDirectory, DistInfoName);
}
