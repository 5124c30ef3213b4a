using System.Collections.Immutable;
using System.Text;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// A built layer as its archive presents it (docs/venvstacks-reference.md §4.3), without copying the build tree: the
/// build tree filtered by <see cref="DeploymentExclusions"/>, plus <c>postinstall.py</c> at the top and, for POSIX
/// layered layers, the <c>bin/python</c> wrapper regenerated with the lower layers' deployed names. The
/// <c>python3</c> and <c>python3.Y</c> links point at <c>python</c> in both variants; only <c>python_</c>, the link to
/// the runtime, names a peer, and it differs when the runtime is versioned (<c>../../cpython-3.11@2/bin/python</c>).
/// The archive writer cannot add a link that is not on disk, so that case needs a staged copy
/// (<see cref="NeedsStagedCopy"/>).
/// </summary>
/// <param name="ExtraFiles">The files to add or replace.</param>
/// <param name="NeedsStagedCopy">Whether the build tree's <c>python_</c> link differs from the deployed one.</param>
internal sealed record LayerArchiveSource(ImmutableArray<ArchiveExtraFile> ExtraFiles, bool NeedsStagedCopy)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static LayerArchiveSource For(LayerEnvironmentPlan plan, ReadOnlyMemory<byte> postInstallScript)
    {
        var postInstall = ArchiveExtraFile.FromBytes(DeploymentExclusions.PostInstallScriptName, postInstallScript);
        if (plan.Kind == LayerKind.Runtime || plan.OperatingSystem == TargetOperatingSystem.Windows)
        {
            return new LayerArchiveSource([postInstall], NeedsStagedCopy: false);
        }

        var scripts = plan.Layout.ScriptsDirectory;
        var wrapperText = PythonWrapperScript.Generate(plan.OperatingSystem, PosixPythonLinks.DynlibDirectories(plan, l => l.InstallTarget));
        var wrapper = ArchiveExtraFile.FromBytes(scripts.Append(PythonWrapperScript.ScriptName).Value, Utf8.GetBytes(wrapperText), executable: true);
        var bypassLink = scripts.Append(PythonWrapperScript.BypassLinkName).Under(plan.Layer.EnvironmentPath);
        var deployedTarget = PosixPythonLinks.BasePythonTarget(plan, l => l.InstallTarget);
        return new LayerArchiveSource([postInstall, wrapper], new FileInfo(bypassLink).LinkTarget != deployedTarget);
    }
}
