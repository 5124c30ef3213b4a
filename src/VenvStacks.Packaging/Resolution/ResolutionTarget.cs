using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.VenvstacksTargets;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// The environment one resolution is for: the marker values dependencies are evaluated against, the Python version
/// <c>Requires-Python</c> is checked against, and the ordered wheel tags a file must match to be installable.
/// </summary>
public sealed class ResolutionTarget
{
    /// <summary>Creates a target from its parts.</summary>
    /// <param name="name">How explanations name the target, e.g. <c>cpython@3.11.13 on linux_x86_64 (manylinux_2_28)</c>.</param>
    /// <param name="markers">The marker environment (without <c>extra</c>, which the resolver sets itself).</param>
    /// <param name="pythonVersion">The Python version for <c>Requires-Python</c> (a version without a patch number
    /// counts as <c>.0</c>).</param>
    /// <param name="tags">The supported wheel tags, most preferred first.</param>
    public ResolutionTarget(string name, MarkerEnvironment markers, Version pythonVersion, SupportedTags tags)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentNullException.ThrowIfNull(pythonVersion);
        ArgumentNullException.ThrowIfNull(tags);
        Name = name;
        Markers = markers;
        PythonVersion = pythonVersion;
        Tags = tags;
    }

    /// <summary>How explanations name the target.</summary>
    public string Name { get; }

    /// <summary>The marker environment.</summary>
    public MarkerEnvironment Markers { get; }

    /// <summary>The Python version <c>Requires-Python</c> is checked against.</summary>
    public Version PythonVersion { get; }

    /// <summary>The supported wheel tags, most preferred first.</summary>
    public SupportedTags Tags { get; }

    /// <summary>
    /// The target of a venvstacks layer: the platform's marker values as venvstacks emulates them
    /// (<c>implementation_name</c>, <c>platform_python_implementation</c>, <c>implementation_version</c> for CPython,
    /// <c>python_version</c>, <c>python_full_version</c>, <c>os_name</c>, <c>sys_platform</c>, <c>platform_system</c>,
    /// <c>platform_machine</c>; not <c>platform_release</c>/<c>platform_version</c>) and the interpreter's tags with
    /// platform tags bounded by the layer's Linux and macOS targets.
    /// </summary>
    /// <param name="platform">The deployment platform.</param>
    /// <param name="python">The runtime's implementation and version.</param>
    /// <param name="linuxTarget">The newest glibc wheels may need (default <see cref="LinuxTarget.Default"/>).</param>
    /// <param name="macOSTarget">The oldest macOS to support (default <see cref="MacOSTarget.Default"/>).</param>
    /// <returns>The target.</returns>
    public static ResolutionTarget ForPlatform(TargetPlatform platform, PythonImplementation python, LinuxTarget? linuxTarget = null, MacOSTarget? macOSTarget = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(python);
        linuxTarget ??= LinuxTarget.Default;
        macOSTarget ??= MacOSTarget.Default;
        // venvstacks' eight emulated variables; CPython's implementation_version equals its full version, so it is
        // known too and markers that test it evaluate instead of failing.
        var markers = platform.GetMarkerEnvironment(python);
        if (python.IsCPython)
        {
            markers = markers.With("implementation_version", python.Version);
        }

        var tags = platform.GetSupportedTags(python, linuxTarget, macOSTarget);
        var detail = platform.OperatingSystem switch
        {
            TargetOperatingSystem.Linux => " (" + linuxTarget.Name + ")",
            TargetOperatingSystem.MacOS => " (macOS " + macOSTarget + ")",
            _ => string.Empty,
        };
        return new ResolutionTarget(
            python + " on " + platform.Name + detail,
            markers,
            Version.Parse(python.Version),
            tags);
    }

    /// <summary>
    /// What the target accepts, in words for explanations: its best tag and the range of platform tags, e.g.
    /// <c>prefers cp311-cp311-linux_x86_64 and accepts platforms linux_x86_64, manylinux_2_28_x86_64 ... manylinux1_x86_64, any</c>.
    /// </summary>
    internal string AcceptedTagsSummary
    {
        get
        {
            if (Tags.Count == 0)
            {
                return "no tags";
            }

            var platforms = Tags.Select(tag => tag.Platform).Distinct(StringComparer.Ordinal).ToList();
            var specific = platforms.Where(platform => platform != "any").ToList();
            var shown = specific.Count <= 3
                ? string.Join(", ", specific)
                : $"{specific[0]}, {specific[1]} ... {specific[^1]}";
            return $"prefers {Tags[0]} and accepts platforms {shown}{(platforms.Contains("any") ? ", any" : string.Empty)}";
        }
    }

    /// <summary>The target's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
