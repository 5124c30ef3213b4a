using VenvStacks.Packaging.IO;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// The Python entry points of a POSIX layered environment (docs/venvstacks-reference.md §3.4 step 2, §4.3 step 2):
/// <c>bin/python_</c> links to the runtime's Python, <c>bin/python3</c> and <c>bin/python3.Y</c> link to <c>python</c>,
/// and <c>bin/python</c> is the wrapper script that puts the lower layers' dynlib folders on the library path. Every
/// link and path is relative (<c>../../cpython-3.11/bin/python</c>), so the layer folders can move together. The build
/// variant names the layers' build folders; the deployment variant (for export and archives) their install targets.
/// </summary>
public static class PosixPythonLinks
{
    /// <summary>Writes the entry points into the layer's build folder, naming peers by build name.</summary>
    public static Task WriteForBuildAsync(LayerEnvironmentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return WriteAsync(plan, plan.Layer.EnvironmentPath, l => l.BuildName, cancellationToken);
    }

    /// <summary>
    /// Rewrites the entry points of a copy of the layer at <paramref name="deployedEnvironmentPath"/> (a folder named
    /// after its install target, next to its peers' deployed folders), naming peers by install target.
    /// </summary>
    public static Task WriteForDeploymentAsync(LayerEnvironmentPlan plan, string deployedEnvironmentPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(deployedEnvironmentPath);
        return WriteAsync(plan, deployedEnvironmentPath, l => l.InstallTarget, cancellationToken);
    }

    /// <summary>The relative link target of <c>python_</c>, e.g. <c>../../cpython-3.11/bin/python</c>.</summary>
    public static string BasePythonTarget(LayerEnvironmentPlan plan, Func<LayerLocation, string> folderName)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(folderName);
        return ToPeers(plan).Append(folderName(plan.Runtime)).Append(plan.RuntimeLayout.Python).Value;
    }

    /// <summary>The lower layers' dynlib folders relative to the scripts folder, in priority order.</summary>
    public static IReadOnlyList<string> DynlibDirectories(LayerEnvironmentPlan plan, Func<LayerLocation, string> folderName)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(folderName);
        var toPeers = ToPeers(plan);
        return plan.Dependencies
            .Select(d => toPeers.Append(folderName(d)).Append(DependencyLayout(plan, d).DynlibDirectory).Value)
            .ToArray();
    }

    private static async Task WriteAsync(
        LayerEnvironmentPlan plan,
        string environmentPath,
        Func<LayerLocation, string> folderName,
        CancellationToken cancellationToken)
    {
        if (plan.OperatingSystem == TargetOperatingSystem.Windows || plan.Kind == LayerKind.Runtime)
        {
            throw new ArgumentException($"{plan.Layer.BuildName} is not a POSIX layered environment", nameof(plan));
        }

        var scripts = plan.Layout.ScriptsDirectory.Under(environmentPath);
        Directory.CreateDirectory(scripts);
        FileSystemEntries.ReplaceWithSymbolicLink(Path.Combine(scripts, PythonWrapperScript.BypassLinkName), BasePythonTarget(plan, folderName));
        var major = plan.Python.Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var alias in new[] { "python" + major, $"python{major}.{plan.Layout.PythonMinor}" })
        {
            FileSystemEntries.ReplaceWithSymbolicLink(Path.Combine(scripts, alias), PythonWrapperScript.ScriptName);
        }

        // The wrapper replaces a link venv may have left, and is renamed into place, so a hard-linked copy's
        // original (export links files to the build tree) is never written through.
        var wrapper = Path.Combine(scripts, PythonWrapperScript.ScriptName);
        if (FileSystemEntries.IsLink(wrapper) || Directory.Exists(wrapper))
        {
            FileSystemEntries.Delete(wrapper);
        }

        var text = PythonWrapperScript.Generate(plan.OperatingSystem, DynlibDirectories(plan, folderName));
        await AtomicFile.WriteIfChangedAsync(wrapper, text, cancellationToken).ConfigureAwait(false);
        FileSystemEntries.MakeExecutable(wrapper);
    }

    // From the scripts folder up to the folder holding the layers: "../.." for "bin".
    private static LayerRelativePath ToPeers(LayerEnvironmentPlan plan) =>
        plan.Layout.ScriptsDirectory.Segments.Aggregate(LayerRelativePath.Parent, (path, _) => path.Append(".."));

    private static EnvironmentLayout DependencyLayout(LayerEnvironmentPlan plan, LayerLocation dependency) =>
        dependency == plan.Runtime ? plan.RuntimeLayout : plan.Layout;
}
