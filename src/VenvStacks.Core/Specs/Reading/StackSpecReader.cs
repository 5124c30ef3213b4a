using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Specs.Tooling;
using VenvStacks.Core.Toml;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Specs.Reading;

/// <summary>
/// Turns a parsed spec into validated layers, in venvstacks' order (runtimes, frameworks, applications; each in file
/// order, references only to earlier layers). Unlike venvstacks it keeps going after an error, so that every
/// independent problem is reported in one run; a layer with errors is remembered as "declared but invalid" so that
/// layers referring to it do not add misleading follow-on errors.
/// </summary>
internal sealed class StackSpecReader(string specPath, StackSpecLoadOptions options)
{
    private readonly DiagnosticBag _diagnostics = new();
    private readonly string _specDirectory = Path.GetDirectoryName(specPath)!;
    private readonly Dictionary<string, RuntimeLayerSpec?> _runtimes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FrameworkLayerSpec?> _frameworks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _applications = new(StringComparer.Ordinal);
    private readonly List<LayerSpec> _layers = [];
    private readonly List<(ModuleSource Module, bool IsLaunch)> _modulesToCheck = [];
    private UvToolConfig _tool = UvToolConfig.Empty;
    private HashSet<string> _namedIndexes = new(StringComparer.Ordinal);

    public StackSpecLoadResult Read(TomlTableNode root)
    {
        ReportIgnoredTopLevelKeys(root);
        _tool = new UvToolConfigReader(specPath, options, _diagnostics).Read(root);
        _namedIndexes = _tool.NamedIndexes.Keys.ToHashSet(StringComparer.Ordinal);

        foreach (var table in LayerTables(root, "runtimes"))
        {
            ReadRuntime(table);
        }

        foreach (var table in LayerTables(root, "frameworks"))
        {
            ReadLayered(table, LayerKind.Framework);
        }

        foreach (var table in LayerTables(root, "applications"))
        {
            ReadLayered(table, LayerKind.Application);
        }

        // venvstacks checks module existence only once everything else has been read; so do we (and what the
        // module is: ModuleSourceChecker).
        var modules = new ModuleSourceChecker(_specDirectory, _diagnostics);
        foreach (var (module, isLaunch) in _modulesToCheck)
        {
            modules.Check(module, isLaunch);
        }

        var diagnostics = _diagnostics.ToImmutable();
        return _diagnostics.HasErrors
            ? new StackSpecLoadResult(null, diagnostics)
            : new StackSpecLoadResult(new StackSpec(specPath, [.. _layers], _tool), diagnostics);
    }

    private void ReportIgnoredTopLevelKeys(TomlTableNode root)
    {
        foreach (var entry in root.Entries.Where(e => !LayerKeys.TopLevel.Contains(e.Key)))
        {
            _diagnostics.Warning(
                DiagnosticCodes.IgnoredTopLevelKey,
                $"Top-level key '{entry.Key}' is not part of a stack spec and is ignored (expected: runtimes, frameworks, applications, tool)",
                entry.KeyLocation);
        }
    }

    private IEnumerable<TomlTableNode> LayerTables(TomlTableNode root, string key)
    {
        var entry = root.Find(key);
        if (entry is null)
        {
            return [];
        }

        if (entry.Value is TomlArrayNode array && array.Items.All(i => i is TomlTableNode))
        {
            return array.Items.Cast<TomlTableNode>();
        }

        _diagnostics.Error(
            DiagnosticCodes.WrongType,
            $"'{key}' must be an array of tables ([[{key}]] sections), not {SpecTableReader.Article(entry.Value.TypeName)}",
            entry.Value.Location);
        return [];
    }

    private void ReadRuntime(TomlTableNode table)
    {
        var errorsBefore = _diagnostics.ErrorCount;
        var reader = new SpecTableReader(table, $"runtime #{_runtimes.Count + 1}", _diagnostics);
        var name = ReadName(reader, "runtime");
        if (name is null)
        {
            reader.ReportUnknownKeys(LayerKeys.Runtime);
            return;
        }

        if (_runtimes.ContainsKey(name.Value.Value))
        {
            _diagnostics.Error(DiagnosticCodes.DuplicateLayerName, $"Runtime names must be distinct ('{name.Value.Value}' already defined)", name.Value.Location);
            return;
        }

        var layerName = name.Value.Value;
        foreach (var prefix in new[] { "framework", "app" })
        {
            if (layerName.StartsWith(prefix + "-", StringComparison.Ordinal))
            {
                _diagnostics.Error(DiagnosticCodes.ReservedPrefix, $"{layerName} starts with reserved prefix '{prefix}'", name.Value.Location);
            }
        }

        DropLegacyBuildRequirements(reader, layerName);
        var implementationText = ReadPythonImplementation(reader, layerName);
        PythonImplementation? implementation = null;
        if (implementationText is { } text)
        {
            try
            {
                implementation = PythonImplementation.Parse(text.Value);
            }
            catch (FormatException ex)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidPythonImplementation, $"{layerName} has an invalid python_implementation: {ex.Message}", text.Location);
            }
        }

        var common = new CommonLayerFieldsReader(reader, layerName, _namedIndexes, options, _diagnostics)
            .Read(inferredPlatforms: TargetPlatform.Defaults, inheritedIndexes: new Dictionary<string, string>(), indexOverrides: ReadIndexOverrides(reader));
        reader.ReportUnknownKeys(LayerKeys.Runtime);

        if (implementation is null || _diagnostics.ErrorCount != errorsBefore)
        {
            _runtimes[layerName] = null;
            return;
        }

        var runtime = WithCommonFields(new RuntimeLayerSpec
        {
            Name = layerName,
            PythonImplementation = implementation,
            Location = table.Location,
        }, common);
        _runtimes[layerName] = runtime;
        _layers.Add(runtime);
    }

    private void ReadLayered(TomlTableNode table, LayerKind kind)
    {
        var errorsBefore = _diagnostics.ErrorCount;
        var (kindName, title, keys) = kind == LayerKind.Framework
            ? ("framework", "Framework", LayerKeys.Framework)
            : ("application", "Application", LayerKeys.Application);
        var count = kind == LayerKind.Framework ? _frameworks.Count : _applications.Count;
        var reader = new SpecTableReader(table, $"{kindName} #{count + 1}", _diagnostics);
        var name = ReadName(reader, kindName);
        if (name is null)
        {
            reader.ReportUnknownKeys(keys);
            return;
        }

        var layerName = name.Value.Value;
        var alreadyDefined = kind == LayerKind.Framework ? _frameworks.ContainsKey(layerName) : _applications.Contains(layerName);
        if (alreadyDefined)
        {
            _diagnostics.Error(DiagnosticCodes.DuplicateLayerName, $"{title} names must be distinct ('{layerName}' already defined)", name.Value.Location);
            return;
        }

        DropLegacyBuildRequirements(reader, layerName);
        var errorPrefix = $"{title} '{layerName}'";
        var indexOverrides = ReadIndexOverrides(reader);
        var dependencies = ResolveDependencies(reader, errorPrefix, table.Location);

        IReadOnlyList<TargetPlatform>? inferred = null;
        var inherited = new Dictionary<string, string>(StringComparer.Ordinal);
        if (dependencies is { } deps)
        {
            inferred = InferPlatforms(deps.Runtime, deps.Frameworks);
            inherited = PackageIndexMerger.MergeDependencies(
                errorPrefix,
                deps.Frameworks.Count == 0 ? deps.Runtime : null,
                deps.Frameworks,
                indexOverrides,
                table.Location,
                _diagnostics);
        }

        var common = new CommonLayerFieldsReader(reader, layerName, _namedIndexes, options, _diagnostics)
            .Read(inferred, inherited, indexOverrides, errorPrefix);

        ModuleSource? launchModule = null;
        var supportModules = ImmutableArray<ModuleSource>.Empty;
        if (kind == LayerKind.Application)
        {
            (launchModule, supportModules) = ReadModules(reader, layerName);
        }

        reader.ReportUnknownKeys(keys);
        var valid = dependencies is not null && _diagnostics.ErrorCount == errorsBefore;
        if (kind == LayerKind.Framework)
        {
            FrameworkLayerSpec? framework = valid
                ? WithCommonFields(new FrameworkLayerSpec
                {
                    Name = layerName,
                    BaseRuntime = dependencies!.Value.Runtime,
                    LinearizedFrameworks = [.. dependencies.Value.Frameworks],
                    Location = table.Location,
                }, common)
                : null;
            _frameworks[layerName] = framework;
            if (framework is not null)
            {
                _layers.Add(framework);
            }

            return;
        }

        _applications.Add(layerName);

        // Module existence is checked for every application whose module paths could be read, valid or not:
        // a missing file is an independent problem worth reporting in the same run.
        if (launchModule is not null)
        {
            _modulesToCheck.Add((launchModule, true));
        }

        _modulesToCheck.AddRange(supportModules.Select(m => (m, false)));
        if (!valid || launchModule is null)
        {
            return;
        }

        _layers.Add(WithCommonFields(new ApplicationLayerSpec
        {
            Name = layerName,
            BaseRuntime = dependencies!.Value.Runtime,
            LinearizedFrameworks = [.. dependencies.Value.Frameworks],
            LaunchModule = launchModule,
            SupportModules = supportModules,
            Location = table.Location,
        }, common));
    }

    private (RuntimeLayerSpec Runtime, IReadOnlyList<FrameworkLayerSpec> Frameworks)? ResolveDependencies(
        SpecTableReader reader, string errorPrefix, SourceLocation layerLocation)
    {
        var runtimeName = reader.String("runtime");
        var frameworkNames = reader.StringArray("frameworks");
        if (runtimeName is { } rt && frameworkNames is { } fws)
        {
            var listed = string.Join(", ", fws.Value.Select(f => $"'{f.Value}'"));
            _diagnostics.Error(
                DiagnosticCodes.RuntimeOrFrameworks,
                $"{errorPrefix} must specify a runtime or framework dependencies, not both (runtime: '{rt.Value}'; frameworks: [{listed}])",
                fws.Location);
            return null;
        }

        if (runtimeName is { } runtimeReference)
        {
            if (_runtimes.TryGetValue(runtimeReference.Value, out var runtime))
            {
                return runtime is null ? null : (runtime, []);
            }

            _diagnostics.Error(DiagnosticCodes.UnknownRuntime, $"{errorPrefix} references unknown runtime '{runtimeReference.Value}'", runtimeReference.Location);
            return null;
        }

        if (frameworkNames is not { } frameworkList)
        {
            // A runtime or frameworks value of the wrong type has been reported already.
            if (!reader.Has("runtime") && !reader.Has("frameworks"))
            {
                _diagnostics.Error(
                    DiagnosticCodes.RuntimeOrFrameworks,
                    $"{errorPrefix} must specify a runtime or at least one framework dependency",
                    layerLocation);
            }

            return null;
        }

        if (frameworkList.Value.IsEmpty)
        {
            _diagnostics.Error(
                DiagnosticCodes.RuntimeOrFrameworks,
                $"{errorPrefix} must specify a runtime or at least one framework dependency",
                frameworkList.Location);
            return null;
        }

        var declared = new List<FrameworkLayerSpec>();
        var resolvable = true;
        foreach (var reference in frameworkList.Value)
        {
            if (!_frameworks.TryGetValue(reference.Value, out var framework))
            {
                _diagnostics.Error(
                    DiagnosticCodes.UnknownFramework,
                    $"{errorPrefix} references unknown framework '{reference.Value}' (frameworks must be defined before the layers that use them)",
                    reference.Location);
                resolvable = false;
                continue;
            }

            if (framework is null)
            {
                resolvable = false;
                continue;
            }

            if (declared.Count > 0 && !ReferenceEquals(framework.Runtime, declared[0].Runtime))
            {
                _diagnostics.Error(
                    DiagnosticCodes.InconsistentRuntimes,
                    $"{errorPrefix} references inconsistent frameworks. '{declared[0].Name}' requires runtime '{declared[0].Runtime.Name}', "
                    + $"while '{framework.Name}' requires runtime '{framework.Runtime.Name}'.",
                    reference.Location);
                resolvable = false;
                continue;
            }

            declared.Add(framework);
        }

        if (!resolvable)
        {
            return null;
        }

        var linearized = FrameworkLinearizer.Linearize(declared, out var unmergeable);
        if (linearized is null)
        {
            var remaining = string.Join(", ", unmergeable.Select(s => "[" + string.Join(", ", s.Select(f => $"'{f.Name}'")) + "]"));
            _diagnostics.Error(
                DiagnosticCodes.LinearizationFailed,
                $"{errorPrefix} dependency linearization failed (remaining sequences: [{remaining}])",
                frameworkList.Location);
            return null;
        }

        return (declared[0].Runtime, linearized);
    }

    private static T WithCommonFields<T>(T layer, CommonLayerFields common)
        where T : LayerSpec => layer with
        {
            Requirements = common.Requirements,
            Platforms = common.Platforms,
            Versioned = common.Versioned,
            LinuxTarget = common.LinuxTarget,
            MacOSTarget = common.MacOSTarget,
            LinuxTargetText = common.LinuxTargetText,
            MacOSTargetText = common.MacOSTargetText,
            DynlibExclude = common.DynlibExclude,
            PackageIndexes = common.PackageIndexes,
            PriorityIndexes = common.PriorityIndexes,
        };

    private static TargetPlatform[] InferPlatforms(RuntimeLayerSpec runtime, IReadOnlyList<FrameworkLayerSpec> frameworks)
    {
        IEnumerable<TargetPlatform> platforms = runtime.Platforms;
        foreach (var framework in frameworks)
        {
            platforms = platforms.Intersect(framework.Platforms);
        }

        // venvstacks sorts inferred platforms by name.
        return platforms.Distinct().OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
    }

    private Located<string>? ReadName(SpecTableReader reader, string kindName)
    {
        var entry = reader.Entry("name");
        if (entry is null)
        {
            _diagnostics.Error(
                DiagnosticCodes.MissingKey,
                $"missing 'name' key in layer specification ({kindName} #{reader.Description.Split('#').Last()})",
                reader.Table.Location);
            return null;
        }

        var name = reader.String("name");
        if (name is not { } located)
        {
            return null;
        }

        var problem = LayerNameRules.Check(located.Value);
        if (problem is not null)
        {
            var shown = located.Value.Length > 60 ? located.Value[..40] + "…" : located.Value;
            _diagnostics.Error(DiagnosticCodes.InvalidLayerName, $"Layer name '{shown}' {problem}", located.Location);
            return null;
        }

        reader.Description = $"{kindName} '{located.Value}'";
        return located;
    }

    private void DropLegacyBuildRequirements(SpecTableReader reader, string layerName)
    {
        if (reader.Entry("build_requirements") is { } entry)
        {
            _diagnostics.Warning(
                DiagnosticCodes.LegacyField,
                $"Dropping legacy field 'build_requirements' for layer '{layerName}' (wheels are never built from source; remove the field)",
                entry.KeyLocation);
        }
    }

    private Located<string>? ReadPythonImplementation(SpecTableReader reader, string layerName)
    {
        var legacy = reader.Entry("fully_versioned_name");
        if (legacy is null)
        {
            return reader.String("python_implementation", required: true);
        }

        if (reader.Has("python_implementation"))
        {
            _diagnostics.Error(
                DiagnosticCodes.LegacyFieldConflict,
                $"Layer '{layerName}' sets both 'python_implementation' and the obsolete 'fully_versioned_name'",
                legacy.KeyLocation);
            return null;
        }

        _diagnostics.Warning(
            DiagnosticCodes.LegacyField,
            $"Converting legacy field name 'fully_versioned_name' to 'python_implementation' for layer '{layerName}' (rename the field)",
            legacy.KeyLocation);
        return reader.String("fully_versioned_name");
    }

    private Dictionary<string, string> ReadIndexOverrides(SpecTableReader reader)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in reader.StringTable("index_overrides") ?? [])
        {
            foreach (var name in new[] { from, to })
            {
                if (!_namedIndexes.Contains(name.Value))
                {
                    _diagnostics.Error(
                        DiagnosticCodes.UnknownPackageIndex,
                        $"{reader.Description} has an index override that references an unknown package index '{name.Value}'",
                        name.Location);
                }
            }

            result[from.Value] = to.Value;
        }

        return result;
    }

    private (ModuleSource? Launch, ImmutableArray<ModuleSource> Support) ReadModules(SpecTableReader reader, string layerName)
    {
        var launch = reader.String("launch_module", required: true);
        var support = reader.StringArray("support_modules");
        var launchModule = launch is { } l ? ToModuleSource(l) : null;

        // venvstacks sorts support modules by the path as written.
        var supportModules = (support?.Value ?? [])
            .OrderBy(s => s.Value, StringComparer.Ordinal)
            .Select(ToModuleSource)
            .ToImmutableArray();

        var supportNames = supportModules.Select(m => m.ModuleName).ToList();
        if (launchModule is not null && supportNames.Contains(launchModule.ModuleName))
        {
            _diagnostics.Error(
                DiagnosticCodes.LaunchSupportConflict,
                $"Launch module '{launchModule.ModuleName}' conflicts with support module in app layer '{layerName}'",
                supportModules.First(m => m.ModuleName == launchModule.ModuleName).Location);
        }

        foreach (var duplicate in supportModules.GroupBy(m => m.ModuleName).Where(g => g.Count() > 1))
        {
            _diagnostics.Error(
                DiagnosticCodes.SupportModulesConflict,
                $"Conflicting support module names in app layer '{layerName}' ('{duplicate.Key}' is the import name of {string.Join(" and ", duplicate.Select(m => $"'{m.DeclaredPath}'"))})",
                duplicate.Skip(1).First().Location);
        }

        return (launchModule, supportModules);
    }

    private ModuleSource ToModuleSource(Located<string> declared)
    {
        var fullPath = Path.GetFullPath(Path.Combine(_specDirectory, declared.Value));
        var trimmed = Path.TrimEndingDirectorySeparator(fullPath);
        return new ModuleSource(declared.Value, trimmed, Path.GetFileNameWithoutExtension(trimmed), declared.Location);
    }
}
