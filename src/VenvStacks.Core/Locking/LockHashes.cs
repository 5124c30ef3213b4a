using VenvStacks.Core.Hashing;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Core.Locking;

/// <summary>The four lock hashes of docs/venvstacks-reference.md §2.7, computed exactly as venvstacks computes them.</summary>
public static class LockHashes
{
    /// <summary>The declared requirements as venvstacks records them (<c>str(Requirement)</c>), in declaration order.</summary>
    public static IReadOnlyList<string> DeclaredRequirementLines(LayerSpec layer) =>
        layer.Requirements.Select(r => r.ToString()).ToArray();

    /// <summary>
    /// <c>lock_input_hash</c>: the requirement lines, cleaned as venvstacks re-reads its <c>.in</c> file (trailing
    /// backslashes, comments, <c>--hash</c> lines and blank lines dropped), sorted.
    /// </summary>
    public static string LockInputHash(IEnumerable<string> requirementLines) =>
        ContentHashes.HashStrings(CleanRequirementLines(requirementLines));

    /// <summary>The requirement lines of a flat requirements file, cleaned and sorted (venvstacks' <c>_clean_flat_reqs</c>).</summary>
    public static IReadOnlyList<string> CleanRequirementLines(IEnumerable<string> lines)
    {
        var result = new List<string>();
        foreach (var line in lines)
        {
            var text = line.TrimEnd('\\').Trim();
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                text = text[..hash];
            }

            text = text.Trim();
            if (text.Length > 0 && !text.Contains("--hash", StringComparison.Ordinal))
            {
                result.Add(text);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>
    /// <c>requirements_hash</c>: for every package <c>"name==version[ ; marker] from &lt;index&gt;"</c> and for every wheel
    /// hash <c>"file:algorithm:hex"</c>, sorted, hashed together. Shared packages count as <c>... from unspecified index</c>.
    /// </summary>
    public static string RequirementsHash(PyLock lockFile)
    {
        var items = new List<string>();
        foreach (var package in lockFile.Packages.Select(LockedPackage.From))
        {
            items.Add($"{package} from {package.Index ?? "unspecified index"}");
            foreach (var wheel in package.Wheels)
            {
                if (wheel.FileName.Length == 0)
                {
                    throw new FormatException($"A wheel of '{package.Name}' has no file name, path or URL");
                }

                items.AddRange(wheel.Hashes.Select(h => $"{wheel.FileName}:{h.Key}:{h.Value}"));
            }
        }

        items.Sort(StringComparer.Ordinal);
        return ContentHashes.HashStrings(items);
    }

    /// <summary>
    /// The inputs whose change invalidates a lock without changing its requirements: the runtime's X.Y, the Linux and
    /// macOS targets when the layer targets those systems, and for layered environments the runtime's build name and
    /// the linearised frameworks' base names.
    /// </summary>
    public static IReadOnlyList<string> OtherInputs(LayerSpec layer)
    {
        var inputs = new List<string> { "py_version=" + layer.Runtime.PythonImplementation.MajorMinor };
        if (layer.TargetsLinux)
        {
            inputs.Add("linux_target=" + layer.LinuxTargetText);
        }

        if (layer.TargetsMacOS)
        {
            inputs.Add("macosx_target=" + layer.MacOSTargetText);
        }

        if (layer.Kind != LayerKind.Runtime)
        {
            inputs.Add(layer.Runtime.BuildName);
            inputs.AddRange(layer.Frameworks.Select(f => f.Name));
        }

        return inputs;
    }

    /// <summary>
    /// The inputs that only matter to versioned layers: build name, versioned flag (Python's <c>True</c>/<c>False</c>),
    /// and for applications the launch module hash and each support module hash in declared-path order.
    /// </summary>
    public static IReadOnlyList<string> VersionInputs(LayerSpec layer, SourceTreeFilter filter, CancellationToken cancellationToken = default)
    {
        var inputs = new List<string>
        {
            "env_name=" + layer.BuildName,
            "is_versioned_layer=" + (layer.Versioned ? "True" : "False"),
        };
        if (layer is ApplicationLayerSpec application)
        {
            inputs.Add(ModuleHash(application.LaunchModule, filter, cancellationToken));
            inputs.AddRange(application.SupportModules.Select(m => ModuleHash(m, filter, cancellationToken)));
        }

        return inputs;
    }

    /// <summary>The hash of a launch or support module as published in metadata.</summary>
    public static string ModuleHash(ModuleSource module, SourceTreeFilter filter, CancellationToken cancellationToken = default) =>
        ContentHashes.HashModule(module.FullPath, filter, cancellationToken);
}
