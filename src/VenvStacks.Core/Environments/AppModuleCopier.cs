using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Environments;

/// <summary>
/// Copies an application's launch module and support modules into its site-packages as importable top-level modules
/// (docs/venvstacks-reference.md §3.7): a file as <c>&lt;site-packages&gt;/&lt;file name&gt;</c>, a package folder as
/// <c>&lt;site-packages&gt;/&lt;folder name&gt;/</c> filtered like the module hashes (gitignore rules inside a git work
/// tree, otherwise only <c>__pycache__</c> left out). Contents only, no timestamps: archives clamp them to the lock
/// time. Unlike venvstacks, which copies over the previous copy, each copy replaces the previous one entirely, so a
/// file deleted from the source also disappears from the layer.
/// </summary>
internal static class AppModuleCopier
{
    /// <summary>Copies every module of the plan and returns the copies' paths.</summary>
    /// <exception cref="LayerEnvironmentException">VSTK3045: a module no longer exists.</exception>
    public static async Task<IReadOnlyList<string>> CopyAsync(LayerEnvironmentPlan plan, CancellationToken cancellationToken)
    {
        var modules = plan.LaunchModule is { } launch ? plan.SupportModules.Prepend(launch) : plan.SupportModules;
        var sitePackages = plan.Layout.SitePackages.Under(plan.Layer.EnvironmentPath);
        var copies = new List<string>();
        foreach (var module in modules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = Path.TrimEndingDirectorySeparator(module.FullPath);
            var destination = Path.Combine(sitePackages, Path.GetFileName(source));
            if (File.Exists(source))
            {
                Directory.CreateDirectory(sitePackages);
                await FileSystemEntries.CopyContentAsync(source, destination, cancellationToken).ConfigureAwait(false);
            }
            else if (Directory.Exists(source))
            {
                FileSystemEntries.Delete(destination);
                await CopyTreeAsync(source, destination, plan.ModuleFilter, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                throw Missing(plan, module);
            }

            copies.Add(destination);
        }

        return copies;
    }

    private static async Task CopyTreeAsync(string source, string destination, SourceTrees.SourceTreeFilter filter, CancellationToken cancellationToken)
    {
        foreach (var folder in filter.Walk(source, cancellationToken))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, folder.Path));
            Directory.CreateDirectory(target);
            foreach (var file in folder.Files)
            {
                await FileSystemEntries.CopyContentAsync(Path.Combine(folder.Path, file), Path.Combine(target, file), cancellationToken).ConfigureAwait(false);
            }

            // A linked folder is listed but not walked (as os.walk does, so the module hash ignores it); keep its name.
            foreach (var subfolder in folder.Subfolders)
            {
                Directory.CreateDirectory(Path.Combine(target, subfolder));
            }
        }
    }

    private static LayerEnvironmentException Missing(LayerEnvironmentPlan plan, ModuleSource module)
    {
        var role = module == plan.LaunchModule ? "launch module" : "support module";
        return new LayerEnvironmentException(
            DiagnosticCodes.MissingAppModule,
            $"Layer {plan.Layer.BuildName}: the {role} '{module.DeclaredPath}' ({module.FullPath}) no longer exists",
            module.FullPath,
            module.Location);
    }
}
