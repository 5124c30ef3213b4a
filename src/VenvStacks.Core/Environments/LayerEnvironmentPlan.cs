using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Everything needed to write one layer's environment files without running Python: the target, the layer, and the
/// layers below it with their build folders and deployed names. Lower layers must be built in the same build folder
/// as the layer (peers), because every link and path the files hold is relative to it (docs/venvstacks-reference.md §3.1).
/// </summary>
public sealed record LayerEnvironmentPlan
{
    /// <summary>The platform the layer is built for (not necessarily this machine's).</summary>
    public required TargetPlatform Platform { get; init; }

    /// <summary>The runtime's implementation and full version (a runtime layer's own).</summary>
    public required PythonImplementation Python { get; init; }

    /// <summary>Runtime, framework or application.</summary>
    public required LayerKind Kind { get; init; }

    /// <summary>The layer itself.</summary>
    public required LayerLocation Layer { get; init; }

    /// <summary>The layer's runtime (for a runtime layer, the layer itself).</summary>
    public required LayerLocation Runtime { get; init; }

    /// <summary>The frameworks below the layer in linearised (priority) order.</summary>
    public ImmutableArray<LayerLocation> Frameworks { get; init; } = [];

    /// <summary>An application's launch module.</summary>
    public ModuleSource? LaunchModule { get; init; }

    /// <summary>An application's support modules.</summary>
    public ImmutableArray<ModuleSource> SupportModules { get; init; } = [];

    /// <summary>Decides which files of the launch and support modules are copied (the spec folder's filter).</summary>
    public SourceTreeFilter ModuleFilter { get; init; } = PycacheSourceTreeFilter.Instance;

    /// <summary>The layer's <c>dynlib_exclude</c> patterns.</summary>
    public ImmutableArray<string> DynlibExclude { get; init; } = [];

    /// <summary>Where the layer is declared, for diagnostics the user fixes in the spec (e.g. <c>dynlib_exclude</c>).</summary>
    public SourceLocation? SpecLocation { get; init; }

    /// <summary>The target operating system.</summary>
    public TargetOperatingSystem OperatingSystem => Platform.OperatingSystem;

    /// <summary>The layer's own layout.</summary>
    public EnvironmentLayout Layout => EnvironmentLayout.For(Kind, OperatingSystem, Python);

    /// <summary>The runtime's layout.</summary>
    public EnvironmentLayout RuntimeLayout => EnvironmentLayout.ForRuntime(OperatingSystem, Python);

    /// <summary>The build folder holding the layer and its peers.</summary>
    public string BuildDirectory => Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Layer.EnvironmentPath))!;

    /// <summary>The lower layers in priority order: linearised frameworks, then the runtime (none for a runtime).</summary>
    public IEnumerable<LayerLocation> Dependencies => Kind == LayerKind.Runtime ? [] : Frameworks.Append(Runtime);

    /// <summary>The file recording the last build, next to the layer folder (<c>&lt;build name&gt;.last-build.json</c>).</summary>
    public string LastBuildPath => Path.TrimEndingDirectorySeparator(Layer.EnvironmentPath) + ".last-build.json";

    /// <summary>
    /// The plan for <paramref name="layer"/> built into <paramref name="buildDirectory"/> for <paramref name="platform"/>.
    /// </summary>
    /// <param name="layer">The layer.</param>
    /// <param name="platform">The target platform.</param>
    /// <param name="buildDirectory">The build folder holding every layer's folder under its build name.</param>
    /// <param name="installTarget">The deployed name of a layer (it depends on the lock version).</param>
    /// <param name="moduleFilter">The spec folder's source-tree filter, used to copy launch and support modules.</param>
    public static LayerEnvironmentPlan FromSpec(
        LayerSpec layer,
        TargetPlatform platform,
        string buildDirectory,
        Func<LayerSpec, string> installTarget,
        SourceTreeFilter moduleFilter)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentException.ThrowIfNullOrEmpty(buildDirectory);
        ArgumentNullException.ThrowIfNull(installTarget);
        ArgumentNullException.ThrowIfNull(moduleFilter);
        var root = Path.GetFullPath(buildDirectory);
        LayerLocation Locate(LayerSpec spec) => new(spec.BuildName, installTarget(spec), Path.Combine(root, spec.BuildName));
        var application = layer as ApplicationLayerSpec;
        return new LayerEnvironmentPlan
        {
            Platform = platform,
            Python = layer.Runtime.PythonImplementation,
            Kind = layer.Kind,
            Layer = Locate(layer),
            Runtime = Locate(layer.Runtime),
            Frameworks = layer.Frameworks.Select(f => Locate(f)).ToImmutableArray(),
            LaunchModule = application?.LaunchModule,
            SupportModules = application?.SupportModules ?? [],
            ModuleFilter = moduleFilter,
            DynlibExclude = layer.DynlibExclude,
            SpecLocation = layer.Location,
        };
    }

    /// <summary>Checks the plan is consistent: peers in one build folder, a runtime has no frameworks, only apps have modules.</summary>
    /// <exception cref="ArgumentException">The plan is inconsistent (a caller's mistake, not a user's).</exception>
    public void Validate()
    {
        var root = BuildDirectory;
        foreach (var location in Dependencies.Prepend(Layer))
        {
            var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(location.EnvironmentPath));
            if (!Path.IsPathFullyQualified(location.EnvironmentPath) || !string.Equals(parent, root, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Layer {location.BuildName} must be built in '{root}' next to {Layer.BuildName}, not at '{location.EnvironmentPath}'");
            }
        }

        if (Kind == LayerKind.Runtime && (!Frameworks.IsEmpty || Runtime != Layer))
        {
            throw new ArgumentException($"Runtime layer {Layer.BuildName} cannot have a runtime or frameworks below it");
        }

        if ((Kind == LayerKind.Application) != (LaunchModule is not null) || (Kind != LayerKind.Application && !SupportModules.IsEmpty))
        {
            throw new ArgumentException($"Only application layers have launch and support modules ({Layer.BuildName})");
        }
    }
}
