namespace VenvStacks.Core.Environments;

/// <summary>
/// The Windows entry points of a layered environment: what <c>python -m venv --copies</c> puts in <c>Scripts</c>
/// (docs/venvstacks-reference.md §3.5). Both files are copies of the runtime's venv launcher, a small program that
/// reads <c>pyvenv.cfg</c> and starts the base interpreter named by <c>home</c>. Which file the launcher is depends
/// on the CPython version, as the stdlib <c>venv</c> module of each version chooses it:
/// <list type="bullet">
/// <item>3.13 and later: <c>Lib\venv\scripts\nt\venvlauncher.exe</c> becomes <c>python.exe</c> and
/// <c>venvwlauncher.exe</c> becomes <c>pythonw.exe</c>;</item>
/// <item>3.11 and 3.12: <c>Lib\venv\scripts\nt\python.exe</c> and <c>pythonw.exe</c>, or, where an installation does
/// not ship those, <c>venvlauncher.exe</c> and <c>venvwlauncher.exe</c> next to the runtime's <c>python.exe</c>.</item>
/// </list>
/// The launcher is tied to the exact runtime release, which is why Windows layers are <c>bound_to_implementation</c>.
/// </summary>
public static class WindowsVenvLauncher
{
    /// <summary>The candidate sources (relative to the runtime folder) of <c>python.exe</c> and <c>pythonw.exe</c>, in order of preference.</summary>
    public static IReadOnlyList<(LayerRelativePath Python, LayerRelativePath PythonW)> Sources(int major, int minor)
    {
        var scripts = LayerRelativePath.Of("Lib", "venv", "scripts", "nt");
        return major > 3 || (major == 3 && minor >= 13)
            ? [(scripts.Append("venvlauncher.exe"), scripts.Append("venvwlauncher.exe"))]
            :
            [
                (scripts.Append("python.exe"), scripts.Append("pythonw.exe")),
                (LayerRelativePath.Of("venvlauncher.exe"), LayerRelativePath.Of("venvwlauncher.exe")),
            ];
    }

    /// <summary>Copies the launcher into the layer's <c>Scripts</c> folder as <c>python.exe</c> and, when the runtime has one, <c>pythonw.exe</c>.</summary>
    /// <exception cref="LayerEnvironmentException">VSTK3042: the runtime has no venv launcher.</exception>
    public static async Task CopyAsync(LayerEnvironmentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var runtime = plan.Runtime.EnvironmentPath;
        var candidates = Sources(plan.Python.Major, plan.Python.Minor);
        var found = candidates.FirstOrDefault(c => File.Exists(c.Python.Under(runtime)));
        if (found == default)
        {
            var tried = string.Join(", ", candidates.Select(c => c.Python.Under(runtime)));
            throw new LayerEnvironmentException(
                Diagnostics.DiagnosticCodes.MissingVenvLauncher,
                $"Layer {plan.Layer.BuildName}: the runtime {plan.Runtime.BuildName} has no venv launcher to copy as Scripts\\python.exe (looked for {tried})",
                runtime);
        }

        var scripts = plan.Layout.ScriptsDirectory.Under(plan.Layer.EnvironmentPath);
        Directory.CreateDirectory(scripts);
        await FileSystemEntries.CopyContentAsync(found.Python.Under(runtime), Path.Combine(scripts, "python.exe"), cancellationToken).ConfigureAwait(false);
        var windowed = found.PythonW.Under(runtime);
        if (File.Exists(windowed))
        {
            await FileSystemEntries.CopyContentAsync(windowed, Path.Combine(scripts, "pythonw.exe"), cancellationToken).ConfigureAwait(false);
        }
    }
}
