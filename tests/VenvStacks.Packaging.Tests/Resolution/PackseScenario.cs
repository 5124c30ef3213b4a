using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Resolution;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.TestSupport;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>
/// One packse scenario from <c>testdata/packse</c> (see its README), turned into what the resolver takes: an
/// in-memory index, a request and a target; plus the decision whether a binary-only, one-target resolver can
/// reproduce its expectation at all.
/// </summary>
internal sealed partial class PackseScenario
{
    private readonly JsonElement _root;

    private PackseScenario(string name, JsonElement root)
    {
        Name = name;
        _root = root;
    }

    public string Name { get; }

    public string Category => _root.GetProperty("category").GetString()!;

    public bool Satisfiable => Expected.GetProperty("satisfiable").GetBoolean();

    /// <summary>The expected name → version pins, or null when the scenario does not give them.</summary>
    public IReadOnlyDictionary<string, string>? ExpectedPackages =>
        Expected.GetProperty("packages") is { ValueKind: JsonValueKind.Object } packages
            ? packages.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : null;

    private JsonElement Expected => _root.GetProperty("expected");

    private JsonElement Options => _root.GetProperty("resolver_options");

    public static string Folder => TestData.PathTo("packse");

    /// <summary>Every scenario file in the folder (everything but <c>_index.json</c>).</summary>
    public static IEnumerable<string> AllNames() =>
        Directory.EnumerateFiles(Folder, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.StartsWith('_'))
            .Order(StringComparer.Ordinal)!;

    public static PackseScenario Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));
        return new PackseScenario(name, document.RootElement.Clone());
    }

    /// <summary>The Python the scenario resolves for: the override, else the running interpreter.</summary>
    public string PythonVersion =>
        Options.GetProperty("python").GetString() ?? _root.GetProperty("environment").GetProperty("python").GetString()!;

    /// <summary>
    /// A Linux x86_64 CPython target: the scenario's deliberately exotic tags (ppc64 macOS, GraalPy, <c>foo</c>) are
    /// incompatible with it and <c>py3-none-any</c> is compatible. <c>x86_64-manylinux2014</c> bounds glibc at 2.17.
    /// </summary>
    public ResolutionTarget Target
    {
        get
        {
            var platform = Options.GetProperty("python_platform").GetString();
            var linux = platform == "x86_64-manylinux2014" ? LinuxTarget.ForGlibc(2, 17) : LinuxTarget.Default;
            return ResolutionTarget.ForPlatform(TargetPlatform.LinuxX64, Python, linux);
        }
    }

    /// <summary>Whether the scenario asks for a universal lock (one valid in every environment).</summary>
    public bool Universal => Options.GetProperty("universal").GetBoolean();

    /// <summary>
    /// The targets the scenario resolves for. A universal scenario is locked the way the lock engine locks a layer:
    /// once for each of the six venvstacks platforms, CPython at the scenario's Python, default Linux and macOS bounds.
    /// </summary>
    public IReadOnlyList<ResolutionTarget> Targets =>
        Universal
            ? [.. TargetPlatform.All.Select(platform => ResolutionTarget.ForPlatform(platform, Python))]
            : [Target];

    private PythonImplementation Python
    {
        get
        {
            // "3.9" means 3.9.0 (README); the runtime notation wants the patch number written out.
            var full = PythonVersion.Count(character => character == '.') == 1 ? PythonVersion + ".0" : PythonVersion;
            return PythonImplementation.Parse("cpython@" + full);
        }
    }

    public ResolutionRequest Request => new([.. Strings(_root.GetProperty("root").GetProperty("requires")).Select(Requirement.Parse)])
    {
        Prereleases = Options.GetProperty("prereleases").GetBoolean() ? PrereleasePolicy.Allow : PrereleasePolicy.IfNecessaryOrExplicit,
    };

    /// <summary>The scenario's packages as an index: one wheel per tag string, an sdist where it has one, extras as
    /// <c>extra == "name"</c> markers.</summary>
    public InMemoryCandidateProvider Index()
    {
        var index = new InMemoryCandidateProvider();
        foreach (var package in _root.GetProperty("packages").EnumerateObject())
        {
            index.AddEmpty(package.Name);
            foreach (var version in package.Value.GetProperty("versions").EnumerateObject())
            {
                var data = version.Value;
                var extras = data.GetProperty("extras").EnumerateObject().ToList();
                var requires = Strings(data.GetProperty("requires"))
                    .Concat(extras.SelectMany(extra => Strings(extra.Value).Select(text => WithExtraMarker(text, extra.Name))))
                    .ToList();
                index.Add(
                    package.Name,
                    version.Name,
                    requires,
                    data.GetProperty("wheel").GetBoolean() ? Strings(data.GetProperty("wheel_tags")) : [],
                    data.GetProperty("requires_python").GetString(),
                    data.GetProperty("yanked").GetBoolean(),
                    data.GetProperty("sdist").GetBoolean(),
                    extras.Select(extra => extra.Name));
            }
        }

        return index;
    }

    /// <summary>
    /// Why the scenario's expectation cannot be reproduced here, or null when it can. Every reason is computed from
    /// the scenario itself (never from its name), so a newer copy of the data with more scenarios of these kinds is
    /// classified the same way; docs/conformance.md explains each reason.
    /// </summary>
    public string? NotRepresentableReason
    {
        get
        {
            if (Options.GetProperty("no_binary").GetArrayLength() > 0)
            {
                return "no-binary";
            }

            if (Satisfiable && Targets.Any(NeedsSourceDistribution))
            {
                return "sdist";
            }

            if (Universal && Satisfiable && Targets.Any(HasUninstallableVersion))
            {
                return "uninstallable";
            }

            if (Universal && !Satisfiable && ForeignPlatformValues().Any())
            {
                return "foreign-platform";
            }

            if (Universal && !Satisfiable && ResolvesOnEveryPlatform())
            {
                return "per-platform";
            }

            return null;
        }
    }

    /// <summary>
    /// The platform values (<c>sys_platform</c>, <c>platform_system</c>, <c>os_name</c>, <c>platform_machine</c>) that
    /// the scenario's markers or required environments compare against and that no venvstacks target platform has,
    /// such as <c>sys_platform == "freebsd"</c>. An unsatisfiable universal expectation may rest on such a platform,
    /// which a lock for the six venvstacks platforms never resolves for.
    /// </summary>
    public IEnumerable<string> ForeignPlatformValues()
    {
        var known = TargetPlatform.All
            .Select(platform => platform.GetMarkerEnvironment(Python))
            .SelectMany(environment => PlatformVariables.Select(name => (name, environment[name])))
            .ToHashSet();
        return MarkerTexts()
            .SelectMany(text => PlatformComparison().Matches(Marker.Parse(text).ToString()))
            .Select(match => (Name: match.Groups["name"].Value + match.Groups["name2"].Value, Value: match.Groups["value"].Value + match.Groups["value2"].Value))
            .Where(comparison => !known.Contains((comparison.Name, comparison.Value)))
            .Select(comparison => $"{comparison.Name} == \"{comparison.Value}\"")
            .Distinct(StringComparer.Ordinal);
    }

    private static readonly string[] PlatformVariables = ["sys_platform", "platform_system", "os_name", "platform_machine"];

    /// <summary>A comparison of a platform variable with a literal, either way round, in the canonical marker text.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""(?<name>sys_platform|platform_system|os_name|platform_machine) (?:==|!=|===) "(?<value>[^"]*)"|"(?<value2>[^"]*)" (?:==|!=|===) (?<name2>sys_platform|platform_system|os_name|platform_machine)""")]
    private static partial System.Text.RegularExpressions.Regex PlatformComparison();

    /// <summary>Every marker the scenario holds: in requirements (root, packages, extras) and required environments.</summary>
    private IEnumerable<string> MarkerTexts()
    {
        var requirements = Strings(_root.GetProperty("root").GetProperty("requires"))
            .Concat(Versions().SelectMany(version => Strings(version.GetProperty("requires"))
                .Concat(version.GetProperty("extras").EnumerateObject().SelectMany(extra => Strings(extra.Value)))));
        var markers = requirements.Select(Requirement.Parse).Where(r => r.Marker is not null).Select(r => r.Marker!.ToString());
        var environments = Options.TryGetProperty("required_environments", out var required) && required.ValueKind == JsonValueKind.Array
            ? Strings(required)
            : [];
        return markers.Concat(environments);
    }

    /// <summary>Whether each venvstacks platform, resolved on its own, has a solution (uv's forking resolver may still
    /// find none: see the <c>per-platform</c> reason).</summary>
    private bool ResolvesOnEveryPlatform()
    {
        var resolver = new Resolver(Index());
        foreach (var target in Targets)
        {
            try
            {
                resolver.ResolveAsync(Request, target).GetAwaiter().GetResult();
            }
            catch (ResolutionException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the expected success on <paramref name="target"/> rests on a source distribution: an expected version
    /// without an installable wheel, or (when no versions are expected) any version that only a source distribution
    /// could provide.
    /// </summary>
    private bool NeedsSourceDistribution(ResolutionTarget target)
    {
        var packages = _root.GetProperty("packages");
        if (ExpectedPackages is { } expected)
        {
            return expected.Any(pin => !Installable(packages.GetProperty(pin.Key).GetProperty("versions").GetProperty(pin.Value), target));
        }

        return Versions().Any(version => version.GetProperty("sdist").GetBoolean() && !Installable(version, target));
    }

    /// <summary>Whether some version has neither a wheel for <paramref name="target"/> nor a source distribution.</summary>
    private bool HasUninstallableVersion(ResolutionTarget target) =>
        Versions().Any(version => !version.GetProperty("sdist").GetBoolean() && !Installable(version, target));

    private IEnumerable<JsonElement> Versions() =>
        _root.GetProperty("packages").EnumerateObject()
            .SelectMany(package => package.Value.GetProperty("versions").EnumerateObject())
            .Select(version => version.Value);

    private static bool Installable(JsonElement version, ResolutionTarget target) =>
        version.GetProperty("wheel").GetBoolean()
        && (version.GetProperty("requires_python").GetString() is not { } requiresPython || SpecifierSet.Parse(requiresPython).Contains(target.PythonVersion, prereleases: true))
        && Strings(version.GetProperty("wheel_tags")).Any(tags => target.Tags.IsCompatible(TagSet.Parse(tags)));

    /// <summary>Whether docs/conformance.md explains the reason: a bullet <c>* `reason`:</c> under "Reasons".</summary>
    public static bool ReasonExplainedInConformanceDoc(string reason) =>
        File.ReadLines(Path.Combine(TestData.RepositoryRoot, "docs", "conformance.md"))
            .Any(line => line.StartsWith($"* `{reason}`:", StringComparison.Ordinal));

    private static string WithExtraMarker(string requirement, string extra)
    {
        var parsed = Requirement.Parse(requirement);
        var marker = string.Create(CultureInfo.InvariantCulture, $"extra == \"{extra}\"");
        var body = requirement.Split(';')[0].TrimEnd();
        return parsed.Marker is null ? $"{body} ; {marker}" : $"{body} ; ({parsed.Marker}) and {marker}";
    }

    private static ImmutableArray<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];
}
