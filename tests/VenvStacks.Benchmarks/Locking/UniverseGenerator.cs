using System.Globalization;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>
/// Builds a <see cref="SyntheticUniverse"/>: 63 projects in four tiers (leaves without dependencies, compiled hubs,
/// mid-level libraries, top-level frameworks), 3–8 releases each, dependencies only on lower tiers, chosen with
/// popularity weights so that a few hubs and utility packages have a large fan-in, as on PyPI.
/// </summary>
/// <remarks>
/// <para>Version ranges: release <c>i</c> of a project requires <c>&gt;=</c> a version of each dependency that
/// grows with <c>i</c> (newer releases need newer dependencies), sometimes with a <c>&lt;next major</c> cap on older
/// releases. Two stacks-wide tensions make resolvers backtrack, the way <c>numpy&lt;2</c> or
/// <c>pydantic&lt;2</c> pins do in real stacks: the runtime layer asks for <c>numcore&lt;2</c> and the framework layer
/// for <c>schema-lite&lt;2</c>, while the newest releases of their dependants need 2.x. Caps are never put on
/// releases that may be backtracked into (dependants of those two), except caps on the two themselves, so the
/// newest-versions-first solution is unique and a layered lock and pip's combined resolution can agree.</para>
/// <para>Realism besides: compiled hubs ship CPython 3.10–3.13 wheels for six platforms plus musllinux (one as
/// <c>abi3</c>, one without <c>win_arm64</c> wheels in its old releases), the newest numcore needs Python 3.12, a
/// yanked release, a pre-release, extras, and markers on <c>sys_platform</c> and <c>python_version</c>.</para>
/// </remarks>
internal sealed class UniverseGenerator(int seed)
{
    private const string Numcore = "numcore";
    private const string SchemaLite = "schema-lite";

    private static readonly string[] Leaves =
    [
        "typing-plus", "packaging-lite", "certbundle", "idna-lite", "charset-probe", "dateparse", "tzdata-lite",
        "six-compat", "attrs-lite", "markup-safe", "click-lite", "cparser", "filelock-lite", "platformdirs-lite",
        "sniff-io", "h11-lite", "pyparse-lite", "wrapt-lite", "decorator-lite", "zipp-lite", "tqdm-lite", "idle-cache",
    ];

    // Pure packages only ever required behind a marker.
    private static readonly string[] MarkerOnly = ["wincolor", "macbridge", "tomlback"];

    // Compiled hubs, in dependency order (a hub may only depend on hubs listed before it).
    private static readonly string[] Hubs =
    [
        Numcore, "cffibind", "yamlfast", "jsonfast", "imagecore", "scicore", "tablecore", "cryptcore",
    ];

    // Compiled packages with wheels for some platforms only.
    private static readonly string[] PartialBinaries = ["winshim", "loopfast"];

    private static readonly string[] Mids =
    [
        SchemaLite, "httpcore-lite", "asynclib", "colorterm", "jinja-lite", "logkit", "configkit", "retrykit",
        "cachekit", "serialkit", "eventkit", "dateutil-lite", "richtext", "pathkit", "metricskit", "validkit",
        "urlfetch", "authkit",
    ];

    private static readonly string[] Tops =
    [
        "webframe", "apikit", "dbkit", "taskqueue", "datakit", "mlkit", "plotkit", "clikit", "notebook-lite", "reportkit",
    ];

    private static readonly Dictionary<string, int> Popularity = new(StringComparer.Ordinal)
    {
        ["typing-plus"] = 6,
        ["packaging-lite"] = 5,
        ["certbundle"] = 3,
        ["idna-lite"] = 3,
        ["six-compat"] = 2,
        ["attrs-lite"] = 2,
        ["click-lite"] = 2,
        [Numcore] = 4,
        ["jsonfast"] = 2,
        ["yamlfast"] = 2,
    };

    // Fixed edges that give the graph its recognisable shape (scipy needs numpy, cryptography needs cffi, ...).
    private static readonly Dictionary<string, Edge[]> FixedEdges = new(StringComparer.Ordinal)
    {
        ["cffibind"] = [new("cparser")],
        ["scicore"] = [new(Numcore)],
        ["tablecore"] = [new(Numcore), new("dateparse"), new("tzdata-lite")],
        ["cryptcore"] = [new("cffibind")],
        [SchemaLite] = [new("typing-plus")],
        ["httpcore-lite"] = [new("h11-lite"), new("certbundle")],
        ["asynclib"] = [new("sniff-io"), new("idna-lite"), new("loopfast", Marker: "sys_platform != \"win32\" and platform_python_implementation == \"CPython\"")],
        ["colorterm"] = [new("wincolor", Marker: "sys_platform == \"win32\"")],
        ["pathkit"] = [new("macbridge", Marker: "sys_platform == \"darwin\"")],
        ["urlfetch"] = [new("httpcore-lite"), new("idna-lite"), new("charset-probe")],
        ["webframe"] = [new(SchemaLite), new("jinja-lite"), new("httpcore-lite")],
        ["apikit"] = [new("webframe"), new(SchemaLite)],
        ["datakit"] = [new("tablecore"), new(Numcore)],
        ["mlkit"] = [new("scicore"), new("datakit"), new(Numcore)],
        ["clikit"] = [new("click-lite"), new("colorterm")],
    };

    private static readonly Dictionary<string, (string Extra, Edge[] Edges)[]> FixedExtras = new(StringComparer.Ordinal)
    {
        ["webframe"] = [("async", [new("asynclib")]), ("json", [new("jsonfast")])],
        ["plotkit"] = [("export", [new("imagecore")])],
    };

    private static readonly Dictionary<string, string[]> FixedVersions = new(StringComparer.Ordinal)
    {
        [Numcore] = ["1.24.4", "1.25.2", "1.26.4", "2.0.2", "2.1.3", "2.2.6", "2.3.1"],
        [SchemaLite] = ["1.8.2", "1.9.2", "1.10.4", "2.0.3", "2.1.1", "2.2.0"],
    };

    private static readonly string[] PlatformTags =
    [
        "manylinux_2_17_x86_64.manylinux2014_x86_64",
        "manylinux_2_17_aarch64.manylinux2014_aarch64",
        "musllinux_1_1_x86_64",
        "macosx_11_0_arm64",
        "macosx_10_9_x86_64",
        "win_amd64",
        "win_arm64",
    ];

    private static readonly DateTimeOffset FirstUpload = new(2021, 1, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, ProjectPlan> _plans = new(StringComparer.Ordinal);

    public SyntheticUniverse Generate()
    {
        foreach (var name in Leaves.Concat(MarkerOnly))
        {
            Plan(name, Tier.Leaf, SyntheticProjectKind.Pure);
        }

        foreach (var name in PartialBinaries)
        {
            Plan(name, Tier.Leaf, SyntheticProjectKind.Binary);
        }

        foreach (var name in Hubs)
        {
            Plan(name, Tier.Hub, SyntheticProjectKind.Binary);
        }

        foreach (var name in Mids)
        {
            Plan(name, Tier.Mid, SyntheticProjectKind.Pure);
        }

        foreach (var name in Tops)
        {
            Plan(name, Tier.Top, SyntheticProjectKind.Pure);
        }

        ChooseEdges();
        ChooseIrregularReleases();
        var affected = DependantsOf([Numcore, SchemaLite]);
        var projects = _plans.Values.Select((plan, index) => Build(plan, index, affected)).ToList();
        return new SyntheticUniverse(
            seed,
            projects,
            ["numcore<2", "scicore", "cryptcore", "yamlfast", "jsonfast", "certbundle", "platformdirs-lite", "filelock-lite", "winshim; sys_platform == 'win32'"],
            ["schema-lite<2", "tablecore", "webframe[async]", "apikit", "dbkit", "taskqueue", "markup-safe"],
            ["datakit", "mlkit", "plotkit[export]", "clikit", "notebook-lite", "reportkit", "urlfetch", "retrykit[speedups]", "metricskit", "richtext", "tqdm-lite", "wrapt-lite", "pyparse-lite"]);
    }

    private void Plan(string name, Tier tier, SyntheticProjectKind kind)
    {
        var versions = FixedVersions.TryGetValue(name, out var fixedVersions)
            ? fixedVersions
            : Versions(tier == Tier.Hub ? _random.Next(5, 9) : _random.Next(3, 9), tier == Tier.Hub);
        _plans[name] = new ProjectPlan(name, tier, kind, [.. versions]);
    }

    private string[] Versions(int count, bool hub)
    {
        var major = hub ? _random.Next(1, 4) : _random.Next(0, 4);
        var minor = hub ? _random.Next(8, 25) : _random.Next(0, 10);
        var patch = _random.Next(0, 3);
        var versions = new string[count];
        for (var i = 0; i < count; i++)
        {
            versions[i] = Invariant($"{major}.{minor}.{patch}");
            var roll = _random.NextDouble();
            if (roll < 0.14)
            {
                (major, minor, patch) = (major + 1, 0, _random.Next(0, 2));
            }
            else if (roll < 0.75)
            {
                (minor, patch) = (minor + 1, _random.Next(0, 4));
            }
            else
            {
                patch += 1 + _random.Next(0, 2);
            }
        }

        return versions;
    }

    private void ChooseEdges()
    {
        // Extras first, so that a dependency only ever asks for an extra its target provides.
        foreach (var plan in _plans.Values.Where(p => p.Tier == Tier.Mid))
        {
            if (_random.NextDouble() < 0.3)
            {
                plan.Extras.Add(("speedups", [new Edge(Pick(Pool(Tier.Hub), 1, [Numcore]).Single())]));
            }
        }

        foreach (var plan in _plans.Values)
        {
            if (FixedEdges.TryGetValue(plan.Name, out var edges))
            {
                plan.Edges.AddRange(edges);
            }

            if (FixedExtras.TryGetValue(plan.Name, out var extras))
            {
                plan.Extras.AddRange(extras.Select(e => (e.Extra, e.Edges.ToList())));
            }

            var (low, high, pool) = plan.Tier switch
            {
                Tier.Hub when !FixedEdges.ContainsKey(plan.Name) => (0, 2, Pool(Tier.Leaf)),
                Tier.Mid => (2, 4, Pool(Tier.Leaf).Concat(Pool(Tier.Hub)).Concat(EarlierMids(plan.Name)).ToList()),
                Tier.Top => (4, 7, Pool(Tier.Mid, weight: 3).Concat(Pool(Tier.Hub, weight: 2)).Concat(Pool(Tier.Leaf)).ToList()),
                _ => (0, 0, []),
            };
            var wanted = _random.Next(low, high + 1) - plan.Edges.Count(e => e.Marker is null);
            foreach (var target in Pick(pool, wanted, plan.Edges.Select(e => e.Target)))
            {
                // Some dependencies only appear in later releases, as real projects grow.
                var from = _random.NextDouble() < 0.25 ? _random.Next(1, plan.Versions.Length) : 0;
                var extra = _plans[target].Extras.Any(x => x.Extra == "speedups") && _random.NextDouble() < 0.4 ? "speedups" : null;
                plan.Edges.Add(new Edge(target, Extra: extra, FromRelease: from));
            }

            if (plan.Tier == Tier.Top && !FixedExtras.ContainsKey(plan.Name) && _random.NextDouble() < 0.5)
            {
                var extraPool = Pool(Tier.Mid).Concat(Pool(Tier.Hub)).ToList();
                plan.Extras.Add((_random.NextDouble() < 0.5 ? "all" : "cli", [.. Pick(extraPool, _random.Next(1, 3), plan.Edges.Select(e => e.Target)).Select(t => new Edge(t))]));
            }
        }

        // Backports behind python_version markers: one that 3.11 skips, one that it needs.
        foreach (var name in Pick(Pool(Tier.Mid), 3, [SchemaLite]))
        {
            _plans[name].Edges.Add(new Edge("tomlback", Marker: "python_version < \"3.11\""));
        }

        foreach (var name in Pick(Pool(Tier.Mid), 2, [SchemaLite, "typing-plus"]))
        {
            if (_plans[name].Edges.All(e => e.Target != "typing-plus"))
            {
                _plans[name].Edges.Add(new Edge("typing-plus", Marker: "python_version < \"3.12\""));
            }
        }
    }

    private void ChooseIrregularReleases()
    {
        // The newest numcore needs Python 3.12 (and has no 3.11 wheels).
        _plans[Numcore].RequiresPython312From = _plans[Numcore].Versions.Length - 1;

        // Two libraries whose newest release dropped Python 3.11; a leaf whose newest release was yanked; a library
        // with a release candidate of its next version.
        foreach (var name in Pick(Pool(Tier.Mid).Concat(Pool(Tier.Top)).ToList(), 2, [SchemaLite]))
        {
            _plans[name].RequiresPython312From = _plans[name].Versions.Length - 1;
        }

        var yanked = Pick(Pool(Tier.Leaf), 1, MarkerOnly).Single();
        _plans[yanked].YankedNewest = true;
        var candidate = _plans[Pick(Pool(Tier.Mid), 1, [SchemaLite]).Single()];
        var last = candidate.Versions[^1].Split('.');
        candidate.PreRelease = Invariant($"{int.Parse(last[0], CultureInfo.InvariantCulture) + 1}.0.0rc1");
    }

    private HashSet<string> DependantsOf(IEnumerable<string> roots)
    {
        var affected = new HashSet<string>(roots, StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var plan in _plans.Values)
            {
                if (!affected.Contains(plan.Name) &&
                    plan.Edges.Concat(plan.Extras.SelectMany(e => e.Edges)).Any(e => affected.Contains(e.Target)))
                {
                    grew |= affected.Add(plan.Name);
                }
            }
        }
        while (grew);
        return affected;
    }

    private SyntheticProject Build(ProjectPlan plan, int projectIndex, HashSet<string> backtrackable)
    {
        var releases = new List<SyntheticRelease>();
        var count = plan.Versions.Length;
        for (var i = 0; i < count; i++)
        {
            var requires = plan.Edges
                .Where(e => e.FromRelease <= i)
                .Select(e => Requirement(plan, e, i, count, backtrackable))
                .ToList();
            var extras = plan.Extras
                .Select(x => new KeyValuePair<string, IReadOnlyList<string>>(x.Extra, x.Edges.Select(e => Requirement(plan, e, i, count, backtrackable)).ToList()))
                .ToList();
            var python312 = plan.RequiresPython312From is { } from && i >= from;
            var requiresPython = python312 ? ">=3.12" : i < count / 2 ? ">=3.8" : ">=3.9";
            releases.Add(new SyntheticRelease(
                plan.Versions[i],
                requires,
                extras,
                requiresPython,
                Tags(plan, i, count, python312),
                plan.YankedNewest && i == count - 1,
                Uploaded(projectIndex, i)));
        }

        if (plan.PreRelease is { } preRelease)
        {
            var newest = releases[^1];
            releases.Add(newest with { Version = preRelease, UploadTime = Uploaded(projectIndex, count) });
        }

        return new SyntheticProject(plan.Name, plan.Kind, releases);
    }

    private string Requirement(ProjectPlan plan, Edge edge, int release, int count, HashSet<string> backtrackable)
    {
        var target = _plans[edge.Target];
        var regular = target.RegularReleases();
        var mapped = count == 1 ? regular.Count - 1 : (int)Math.Round(release * (regular.Count - 1) / (double)(count - 1));
        var lower = Math.Max(0, mapped - _random.Next(0, 3));
        var text = edge.Target + (edge.Extra is null ? string.Empty : $"[{edge.Extra}]") + ">=" + target.Versions[regular[lower]];

        // A cap on the next major, as projects do for dependencies that break APIs; only where it cannot change
        // which solution is the newest one (see the class remarks).
        var major = Major(target.Versions[regular[mapped]]);
        var laterMajor = target.Versions.Any(v => Major(v) > major);
        var capAllowed = !backtrackable.Contains(plan.Name) || edge.Target is Numcore or SchemaLite;
        if (release < count - 1 && laterMajor && capAllowed && _random.NextDouble() < 0.2)
        {
            text += Invariant($",<{major + 1}");
        }

        return edge.Marker is null ? text : $"{text}; {edge.Marker}";
    }

    private static List<string> Tags(ProjectPlan plan, int release, int count, bool python312)
    {
        if (plan.Kind == SyntheticProjectKind.Pure)
        {
            return ["py3-none-any"];
        }

        var platforms = plan.Name switch
        {
            "winshim" => PlatformTags.Where(p => p.StartsWith("win", StringComparison.Ordinal)).ToArray(),
            "loopfast" => PlatformTags.Where(p => !p.StartsWith("win", StringComparison.Ordinal)).ToArray(),
            "imagecore" when release < 2 => PlatformTags.Where(p => p != "win_arm64").ToArray(),
            _ => PlatformTags,
        };
        if (plan.Name == "cryptcore")
        {
            return [.. platforms.Select(p => "cp37-abi3-" + p)];
        }

        string[] pythons = python312 ? ["cp312", "cp313"] : release < count - 2 ? ["cp310", "cp311", "cp312"] : ["cp311", "cp312", "cp313"];
        return [.. pythons.SelectMany(py => platforms.Select(p => $"{py}-{py}-{p}"))];
    }

    private List<(string Name, int Weight)> Pool(Tier tier, int weight = 1) =>
        _plans.Values
            .Where(p => p.Tier == tier && !MarkerOnly.Contains(p.Name) && !PartialBinaries.Contains(p.Name))
            .Select(p => (p.Name, weight * Popularity.GetValueOrDefault(p.Name, 1)))
            .ToList();

    private IEnumerable<(string Name, int Weight)> EarlierMids(string name) =>
        Mids.TakeWhile(m => m != name).Select(m => (m, 1));

    private List<string> Pick(List<(string Name, int Weight)> pool, int count, IEnumerable<string> excluded)
    {
        var candidates = pool.Where(p => !excluded.Contains(p.Name)).ToList();
        var picked = new List<string>();
        while (picked.Count < count && candidates.Count > 0)
        {
            var roll = _random.Next(candidates.Sum(c => c.Weight));
            var index = 0;
            while (roll >= candidates[index].Weight)
            {
                roll -= candidates[index].Weight;
                index++;
            }

            picked.Add(candidates[index].Name);
            candidates.RemoveAt(index);
        }

        return picked;
    }

    private static DateTimeOffset Uploaded(int project, int release) =>
        FirstUpload.AddDays(release * 75).AddHours(project);

    private static int Major(string version) => int.Parse(version.Split('.')[0], CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private enum Tier
    {
        Leaf,
        Hub,
        Mid,
        Top,
    }

    private sealed record Edge(string Target, string? Extra = null, string? Marker = null, int FromRelease = 0);

    private sealed class ProjectPlan(string name, Tier tier, SyntheticProjectKind kind, string[] versions)
    {
        public string Name { get; } = name;

        public Tier Tier { get; } = tier;

        public SyntheticProjectKind Kind { get; } = kind;

        public string[] Versions { get; } = versions;

        public List<Edge> Edges { get; } = [];

        public List<(string Extra, List<Edge> Edges)> Extras { get; } = [];

        public int? RequiresPython312From { get; set; }

        public bool YankedNewest { get; set; }

        public string? PreRelease { get; set; }

        /// <summary>Releases a dependant may name in a range: not yanked, usable on Python 3.11.</summary>
        public List<int> RegularReleases() =>
            Enumerable.Range(0, Versions.Length)
                .Where(i => !(YankedNewest && i == Versions.Length - 1) && !(RequiresPython312From is { } from && i >= from))
                .ToList();
    }
}
