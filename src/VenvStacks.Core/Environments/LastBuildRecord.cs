using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Hashing;
using VenvStacks.Packaging.IO;
using VenvStacks.Core.Json;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// <c>&lt;build name&gt;.last-build.json</c> next to a layer's build folder (docs/venvstacks-reference.md §3.10): the
/// layer spec and layer details venvstacks records, and under <see cref="ExtensionKey"/> what this SDK adds. A layer
/// needs building when its folder or this file is missing or the recorded content differs from the current one.
/// </summary>
/// <remarks>
/// The added fields close gaps of venvstacks' record: <c>lock_file_hash</c> (the pylock file's bytes, so an edit that
/// keeps the pinned versions and wheel hashes, such as a changed wheel URL, still rebuilds), <c>target_platform</c>
/// (layers for different platforms can share a build folder over time) and <c>format</c> (bumped when the files this
/// SDK generates change, so existing builds are redone). Launch and support module hashes are already part of
/// venvstacks' <c>layer_details</c> (<c>app_launch_module_hash</c>, <c>app_support_modules</c>).
/// </remarks>
public sealed class LastBuildRecord
{
    /// <summary>The key of this SDK's own fields.</summary>
    public const string ExtensionKey = "venvstacks_sdk";

    /// <summary>The version of the generated environment files; part of the record so that a change rebuilds.</summary>
    public const int Format = 1;

    private LastBuildRecord(string json) => Json = json;

    /// <summary>The file text (sorted keys, two-space indent, trailing LF).</summary>
    public string Json { get; }

    /// <summary>The record of building <paramref name="layer"/> as <paramref name="plan"/> describes, from the given lock.</summary>
    /// <param name="layer">The layer's spec.</param>
    /// <param name="plan">The layer's plan (install targets, platform, module filter).</param>
    /// <param name="lockMetadata">The layer's lock metadata.</param>
    /// <param name="lockFilePath">The layer's pylock file.</param>
    public static LastBuildRecord Create(LayerSpec layer, LayerEnvironmentPlan plan, LockMetadata lockMetadata, string lockFilePath)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(lockMetadata);
        ArgumentException.ThrowIfNullOrEmpty(lockFilePath);
        var record = new JsonObject
        {
            ["layer_spec"] = LayerSpecJson(layer),
            ["layer_details"] = LayerDetailsJson(layer, plan, lockMetadata),
            [ExtensionKey] = new JsonObject
            {
                ["format"] = Format,
                ["lock_file_hash"] = ContentHashes.HashFileContents(lockFilePath),
                ["target_platform"] = plan.Platform.Name,
            },
        };
        return new LastBuildRecord(PythonJson.SerializeFile(record));
    }

    /// <summary>
    /// Whether the layer needs building: its folder or the recorded file is missing, unreadable, or records something
    /// else than this record.
    /// </summary>
    public bool NeedsBuild(LayerEnvironmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!Directory.Exists(plan.Layer.EnvironmentPath) || !File.Exists(plan.LastBuildPath))
        {
            return true;
        }

        try
        {
            // Compared as JSON (canonically re-serialised), as venvstacks compares the loaded dictionaries.
            var recorded = JsonNode.Parse(File.ReadAllText(plan.LastBuildPath));
            return PythonJson.SerializeFile(recorded) != Json;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    /// <summary>Writes the record next to the layer's folder.</summary>
    public Task WriteAsync(LayerEnvironmentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return AtomicFile.WriteIfChangedAsync(plan.LastBuildPath, Json, cancellationToken);
    }

    // LayerSpecBase.to_dict(): public fields, lower layers by name, paths in POSIX form.
    private static JsonObject LayerSpecJson(LayerSpec layer)
    {
        var spec = new JsonObject
        {
            ["name"] = layer.Name,
            ["versioned"] = layer.Versioned,
            ["requirements"] = Strings(layer.Requirements.Select(r => r.ToString())),
            ["platforms"] = Strings(layer.Platforms.Select(p => p.Name)),
            ["package_indexes"] = new JsonObject(layer.PackageIndexes
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["priority_indexes"] = Strings(layer.PriorityIndexes),
            ["dynlib_exclude"] = Strings(layer.DynlibExclude),
            ["linux_target"] = layer.LinuxTargetText,
            ["macosx_target"] = layer.MacOSTargetText,
        };
        if (layer is RuntimeLayerSpec runtime)
        {
            spec["python_implementation"] = runtime.PythonImplementation.ToString();
        }
        else
        {
            spec["runtime"] = layer.Runtime.Name;
            spec["frameworks"] = Strings(layer.Frameworks.Select(f => f.Name));
        }

        if (layer is ApplicationLayerSpec application)
        {
            spec["launch_module_path"] = PosixPath(application.LaunchModule.FullPath);
            spec["support_module_paths"] = Strings(application.SupportModules.Select(m => PosixPath(m.FullPath)));
        }

        return spec;
    }

    // LayerSpecMetadata as the build fills it in (publish and export add archive fields later).
    private static JsonObject LayerDetailsJson(LayerSpec layer, LayerEnvironmentPlan plan, LockMetadata lockMetadata)
    {
        var details = new JsonObject
        {
            ["layer_name"] = layer.BuildName,
            ["install_target"] = plan.Layer.InstallTarget,
            ["requirements_hash"] = lockMetadata.RequirementsHash,
            ["lock_version"] = lockMetadata.LockVersion,
            ["locked_at"] = lockMetadata.LockedAt,
            ["runtime_layer"] = plan.Runtime.InstallTarget,
            ["python_implementation"] = layer.Runtime.PythonImplementation.ToString(),

            // Windows layers copy the runtime's launcher, so they must be rebuilt for every runtime release.
            ["bound_to_implementation"] = layer.Kind == LayerKind.Runtime || plan.OperatingSystem == TargetOperatingSystem.Windows,
        };
        if (layer.Kind != LayerKind.Runtime)
        {
            details["required_layers"] = Strings(plan.Frameworks.Select(f => f.InstallTarget));
        }

        if (layer is ApplicationLayerSpec application)
        {
            details["app_launch_module"] = application.LaunchModule.ModuleName;
            details["app_launch_module_hash"] = ContentHashes.HashModule(application.LaunchModule.FullPath, plan.ModuleFilter);
            if (!application.SupportModules.IsEmpty)
            {
                details["app_support_modules"] = new JsonArray(application.SupportModules
                    .Select(m => (JsonNode?)new JsonObject
                    {
                        ["name"] = m.ModuleName,
                        ["hash"] = ContentHashes.HashModule(m.FullPath, plan.ModuleFilter),
                    })
                    .ToArray());
            }
        }

        return details;
    }

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)i).ToArray());

    private static string PosixPath(string path) => path.Replace('\\', '/');
}
