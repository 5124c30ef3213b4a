using System.Text;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Makes a POSIX layer's <c>share/venv/dynlib</c> folder mirror the shared libraries it installed: one relative link
/// <c>&lt;file name&gt;</c> per library (docs/venvstacks-reference.md §3.6). Links for libraries no longer installed are
/// removed; links that are already right are left alone. Windows layers have no such folder (their DLL folder is
/// <c>Library\bin</c>, registered by <c>sitecustomize.py</c>), so nothing happens for them.
/// </summary>
internal static class DynlibLinker
{
    /// <summary>Updates the links and returns their paths.</summary>
    /// <exception cref="LayerEnvironmentException">VSTK3040 for two libraries with one name, VSTK3041 for a non-link in the folder.</exception>
    public static IReadOnlyList<string> Link(LayerEnvironmentPlan plan)
    {
        if (plan.OperatingSystem == TargetOperatingSystem.Windows)
        {
            return [];
        }

        var layout = plan.Layout;
        var environment = plan.Layer.EnvironmentPath;
        var linkFolder = layout.DynlibDirectory.Under(environment);
        var libraries = SharedLibraryScanner.Find(
            layout.SitePackages.Under(environment),
            plan.Platform,
            plan.Python,
            plan.DynlibExclude.Select(p => new DynlibExcludePattern(p)));
        var targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var library in libraries)
        {
            var name = Path.GetFileName(library);
            if (ambiguous.TryGetValue(name, out var competing))
            {
                competing.Add(library);
            }
            else if (targets.Remove(name, out var first))
            {
                ambiguous[name] = new SortedSet<string>(StringComparer.Ordinal) { first, library };
            }
            else
            {
                targets[name] = library;
            }
        }

        if (ambiguous.Count > 0)
        {
            throw Ambiguity(plan, linkFolder, ambiguous);
        }

        var existing = Directory.Exists(linkFolder) ? Directory.GetFileSystemEntries(linkFolder) : [];
        var notLinks = existing.Where(e => !FileSystemEntries.IsLink(e)).Order(StringComparer.Ordinal).ToArray();
        if (notLinks.Length > 0)
        {
            throw new LayerEnvironmentException(
                DiagnosticCodes.DynlibFolderConflict,
                $"Layer {plan.Layer.BuildName}: {PythonStringLiteral.Repr(notLinks[0])} already exists and is not a symlink. "
                + "Cleaning the build environment may resolve this conflict.",
                notLinks[0]);
        }

        foreach (var stale in existing.Where(e => !targets.ContainsKey(Path.GetFileName(e))))
        {
            FileSystemEntries.Delete(stale);
        }

        var links = new List<string>();
        foreach (var (name, library) in targets)
        {
            Directory.CreateDirectory(linkFolder);
            var link = Path.Combine(linkFolder, name);
            FileSystemEntries.ReplaceWithSymbolicLink(link, Path.GetRelativePath(linkFolder, library));
            links.Add(link);
        }

        return links;
    }

    // venvstacks' message, with paths relative to the build folder.
    private static LayerEnvironmentException Ambiguity(
        LayerEnvironmentPlan plan,
        string linkFolder,
        SortedDictionary<string, SortedSet<string>> ambiguous)
    {
        var build = plan.BuildDirectory;
        var message = new StringBuilder("Layer " + plan.Layer.BuildName + ": Ambiguous dynamic library link targets:\n\n");
        foreach (var (name, libraries) in ambiguous)
        {
            var link = Path.GetRelativePath(build, Path.Combine(linkFolder, name));
            message.Append("  ").Append(link).Append(" => ")
                .Append(PythonStringLiteral.ReprList(libraries.Select(l => Path.GetRelativePath(build, l)))).Append("?\n");
        }

        message.Append("\nSet `dynlib_exclude` in the layer definition to resolve this ambiguity.");
        return new LayerEnvironmentException(
            DiagnosticCodes.AmbiguousDynlibTargets,
            message.ToString(),
            path: null,
            location: plan.SpecLocation ?? SourceLocation.FileOnly(linkFolder));
    }
}
