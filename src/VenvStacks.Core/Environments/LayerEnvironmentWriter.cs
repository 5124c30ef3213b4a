using VenvStacks.Packaging.Installation;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.IO;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Writes a layer's environment files for any target operating system without running Python
/// (docs/venvstacks-reference.md §3.4–§3.10), in two calls around the package installation:
/// <list type="number">
/// <item><see cref="PrepareAsync"/> turns a framework or application folder into a virtual environment over its
/// runtime (<c>pyvenv.cfg</c>, the Python entry points, the build-time <c>sitecustomize.py</c>) and returns the install
/// scheme for the wheel installer; for a runtime layer it only returns the scheme.</item>
/// <item><see cref="FinishAsync"/> links shared libraries into <c>share/venv/dynlib</c>, copies an application's
/// modules, writes <c>venvstacks_layer.json</c>, makes the layer portable (scripts pruned, RECORD files rewritten,
/// links made relative or replaced), and last records the build in <c>.last-build.json</c>.</item>
/// </list>
/// Preparing removes the previous <c>.last-build.json</c> first, so a layer whose build is interrupted is never taken
/// for built. Everything written inside the layers is relative, so the build folder can move.
/// </summary>
public static class LayerEnvironmentWriter
{
    /// <summary>Step 1: makes the layer folder ready for installing packages.</summary>
    /// <exception cref="LayerEnvironmentException">A coded error (VSTK3042, VSTK3043, VSTK3047).</exception>
    public static async Task<InstallScheme> PrepareAsync(LayerEnvironmentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();
        return await Guarded(plan, async () =>
        {
            if (File.Exists(plan.LastBuildPath))
            {
                File.Delete(plan.LastBuildPath);
            }

            var layout = plan.Layout;
            var environment = plan.Layer.EnvironmentPath;
            if (plan.Kind != LayerKind.Runtime)
            {
                await CreateVirtualEnvironmentAsync(plan, cancellationToken).ConfigureAwait(false);
            }

            Directory.CreateDirectory(layout.SitePackages.Under(environment));
            return layout.InstallScheme(environment);
        }).ConfigureAwait(false);
    }

    /// <summary>Step 2: completes the layer after its packages were installed, and records the build.</summary>
    /// <exception cref="LayerEnvironmentException">A coded error (VSTK3040, VSTK3041, VSTK3044–VSTK3047).</exception>
    public static async Task<LayerEnvironmentResult> FinishAsync(
        LayerEnvironmentPlan plan,
        LastBuildRecord lastBuild,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(lastBuild);
        plan.Validate();
        return await Guarded(plan, async () =>
        {
            var layout = plan.Layout;
            var environment = plan.Layer.EnvironmentPath;
            var links = DynlibLinker.Link(plan);
            var modules = await AppModuleCopier.CopyAsync(plan, cancellationToken).ConfigureAwait(false);
            await AtomicFile.WriteIfChangedAsync(layout.LayerConfig.Under(environment), DeployedLayerConfig.FromPlan(plan).ToJson(), cancellationToken)
                .ConfigureAwait(false);

            var removed = ScriptsPruner.Prune(layout.ScriptsDirectory.Under(environment));
            var records = await InstalledRecordRewriter.RewriteAsync(layout.SitePackages.Under(environment), removed, cancellationToken)
                .ConfigureAwait(false);
            var (relativized, replaced) = await SymlinkPortability.ConvertAsync(environment, plan.BuildDirectory, cancellationToken)
                .ConfigureAwait(false);

            await lastBuild.WriteAsync(plan, cancellationToken).ConfigureAwait(false);
            return new LayerEnvironmentResult(
                [.. links], [.. modules], [.. removed], [.. records], [.. relativized], [.. replaced]);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The build-time <c>sitecustomize.py</c> text: absolute build paths of the lower layers' site-packages, and on
    /// Windows their <c>Library\bin</c> folders (skipped in a comment when they do not exist yet).
    /// </summary>
    public static string BuildTimeSiteCustomize(LayerEnvironmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var layout = plan.Layout;
        var runtimeLayout = plan.RuntimeLayout;
        EnvironmentLayout LayoutOf(LayerLocation layer) => layer == plan.Runtime ? runtimeLayout : layout;
        var sites = plan.Dependencies.Select(d => LayoutOf(d).SitePackages.Under(d.EnvironmentPath));
        var dlls = plan.Dependencies
            .Select(d => LayoutOf(d).DynlibDirectory.Under(d.EnvironmentPath))
            .Select(p => new DllDirectoryEntry(p, Directory.Exists(p)));
        return SiteCustomizeText.Generate(sites, dlls, plan.OperatingSystem)
            ?? throw new ArgumentException($"Layered environment {plan.Layer.BuildName} has no runtime to link", nameof(plan));
    }

    /// <summary>
    /// The build-time <c>pyvenv.cfg</c> text: <c>home</c> is the runtime's Python folder and <c>executable</c> that
    /// Python with links resolved, as the stdlib <c>venv</c> records them when run by the runtime's Python.
    /// </summary>
    public static string BuildTimePyvenvConfig(LayerEnvironmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var basePython = plan.RuntimeLayout.Python.Under(plan.Runtime.EnvironmentPath);
        return PyvenvConfigText.Generate(
            Path.GetDirectoryName(basePython)!,
            plan.Python.Version,
            FileSystemEntries.RealPath(basePython),
            plan.OperatingSystem);
    }

    private static async Task CreateVirtualEnvironmentAsync(LayerEnvironmentPlan plan, CancellationToken cancellationToken)
    {
        var layout = plan.Layout;
        var environment = plan.Layer.EnvironmentPath;
        var basePython = plan.RuntimeLayout.Python.Under(plan.Runtime.EnvironmentPath);
        if (!File.Exists(basePython))
        {
            throw new LayerEnvironmentException(
                DiagnosticCodes.MissingBaseRuntime,
                $"Layer {plan.Layer.BuildName}: the runtime {plan.Runtime.BuildName} is not built ({basePython} does not exist)",
                basePython);
        }

        // The folders the stdlib venv creates, so layers look the same as venvstacks' (lib64 only on 64-bit Linux).
        Directory.CreateDirectory(layout.ScriptsDirectory.Under(environment));
        Directory.CreateDirectory(layout.IncludeDirectory.Under(environment));
        Directory.CreateDirectory(layout.SitePackages.Under(environment));
        if (plan.OperatingSystem == TargetOperatingSystem.Linux)
        {
            FileSystemEntries.ReplaceWithSymbolicLink(Path.Combine(environment, "lib64"), "lib");
        }

        await AtomicFile.WriteIfChangedAsync(layout.PyvenvConfig.Under(environment), BuildTimePyvenvConfig(plan), cancellationToken)
            .ConfigureAwait(false);
        if (plan.OperatingSystem == TargetOperatingSystem.Windows)
        {
            await WindowsVenvLauncher.CopyAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await PosixPythonLinks.WriteForBuildAsync(plan, cancellationToken).ConfigureAwait(false);
        }

        await AtomicFile.WriteIfChangedAsync(layout.SiteCustomize.Under(environment), BuildTimeSiteCustomize(plan), cancellationToken)
            .ConfigureAwait(false);
    }

    // File-system refusals become one coded error naming the layer; coded errors and cancellation pass through.
    private static async Task<T> Guarded<T>(LayerEnvironmentPlan plan, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LayerEnvironmentException(
                DiagnosticCodes.EnvironmentWriteFailed,
                $"Layer {plan.Layer.BuildName}: {ex.Message}",
                plan.Layer.EnvironmentPath,
                innerException: ex);
        }
    }
}
