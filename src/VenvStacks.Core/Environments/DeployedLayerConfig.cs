using System.Collections.Immutable;
using System.Text.Json.Nodes;
using VenvStacks.Core.Json;
using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Environments;

/// <summary>
/// <c>share/venv/metadata/venvstacks_layer.json</c> (docs/venvstacks-reference.md §3.9): what post-install and host
/// applications need to run a deployed layer. Every path is relative to the layer folder, in the target's syntax
/// (<c>\</c> on Windows), and may reach peer layers through <c>..</c> by their install targets.
/// </summary>
/// <param name="Python">The layer's Python.</param>
/// <param name="PyVersion">The runtime's full <c>X.Y.Z</c>.</param>
/// <param name="BasePython">The runtime's Python (equal to <paramref name="Python"/> for runtime layers).</param>
/// <param name="SiteDir">The layer's site-packages.</param>
/// <param name="PylibDirs">Lower layers' site-packages, linearised frameworks first, runtime last.</param>
/// <param name="DynlibDirs">Lower layers' dynlib folders, same order.</param>
/// <param name="LaunchModule">An application's launch module name.</param>
public sealed record DeployedLayerConfig(
    string Python,
    string PyVersion,
    string BasePython,
    string SiteDir,
    ImmutableArray<string> PylibDirs,
    ImmutableArray<string> DynlibDirs,
    string? LaunchModule)
{
    /// <summary>The configuration of the layer a plan describes.</summary>
    public static DeployedLayerConfig FromPlan(LayerEnvironmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var os = plan.OperatingSystem;
        var layout = plan.Layout;
        var runtimeLayout = plan.RuntimeLayout;
        LayerRelativePath Peer(LayerLocation layer) => LayerRelativePath.Parent.Append(layer.InstallTarget);
        EnvironmentLayout LayoutOf(LayerLocation layer) => layer == plan.Runtime ? runtimeLayout : layout;
        return new DeployedLayerConfig(
            Python: layout.Python.ToText(os),
            PyVersion: plan.Python.Version,
            BasePython: plan.Kind == LayerKind.Runtime
                ? layout.Python.ToText(os)
                : Peer(plan.Runtime).Append(runtimeLayout.Python).ToText(os),
            SiteDir: layout.SitePackages.ToText(os),
            PylibDirs: plan.Dependencies.Select(d => Peer(d).Append(LayoutOf(d).SitePackages).ToText(os)).ToImmutableArray(),
            DynlibDirs: plan.Dependencies.Select(d => Peer(d).Append(LayoutOf(d).DynlibDirectory).ToText(os)).ToImmutableArray(),
            LaunchModule: plan.LaunchModule?.ModuleName);
    }

    /// <summary>The JSON object (keys as venvstacks names them; <c>launch_module</c> only for applications).</summary>
    public JsonObject ToJsonObject()
    {
        var json = new JsonObject
        {
            ["python"] = Python,
            ["py_version"] = PyVersion,
            ["base_python"] = BasePython,
            ["site_dir"] = SiteDir,
            ["pylib_dirs"] = new JsonArray(PylibDirs.Select(d => (JsonNode?)d).ToArray()),
            ["dynlib_dirs"] = new JsonArray(DynlibDirs.Select(d => (JsonNode?)d).ToArray()),
        };
        if (LaunchModule is not null)
        {
            json["launch_module"] = LaunchModule;
        }

        return json;
    }

    /// <summary>The file text: sorted keys, two-space indent, trailing LF (as venvstacks writes it on every OS).</summary>
    public string ToJson() => PythonJson.SerializeFile(ToJsonObject());
}
