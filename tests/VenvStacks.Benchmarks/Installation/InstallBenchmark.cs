using System.Globalization;
using VenvStacks.Packaging.Pep751;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Benchmarks.Installation;

/// <summary>
/// Installs one synthetic wheel set into fresh venvs, repeatedly, with our installer (a fresh process per run, as a
/// build runs it) and with pip (<c>install --no-deps --require-hashes</c>, from the same 127.0.0.1 index or from local
/// files with <c>--no-index</c>), cold and warm download caches; venv creation is not timed.
/// </summary>
internal sealed class InstallBenchmark(InstallBenchmarkOptions options, string python, string pythonVersion, SyntheticWheelSet set, LocalIndexServer server)
{
    private string Work => options.WorkDirectory;

    private string WheelFolder => Path.Combine(Work, "wheels");

    private string IndexLock => Path.Combine(Work, "lock-index", "pylock.bench.toml");

    private string LocalLock => Path.Combine(Work, "lock-local", "pylock.bench.toml");

    private string IndexRequirements => Path.Combine(Work, "requirements-index.txt");

    private string LocalRequirements => Path.Combine(Work, "requirements-local.txt");

    public async Task<InstallMeasurements> RunAsync()
    {
        await WriteInputsAsync();
        var ourWarmCache = Path.Combine(Work, "caches", "ours-warm");
        var pipWarmCache = Path.Combine(Work, "caches", "pip-warm");
        await MeasureAsync(InstallScenario.All[1], ourWarmCache, "prime");
        await MeasureAsync(InstallScenario.All[4], pipWarmCache, "prime");

        var samples = InstallScenario.All.ToDictionary(s => s, _ => new List<InstallSample>());
        string? fileSetCheck = null;
        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var scenario in InstallScenario.All.Where(s => !(options.SkipPip && s.IsPip)))
            {
                var cache = scenario.Cache switch
                {
                    "warm" => scenario.IsPip ? pipWarmCache : ourWarmCache,
                    _ => Path.Combine(Work, "caches", $"cold-{run}-{samples[scenario].Count}-{(scenario.IsPip ? "pip" : "ours")}"),
                };
                var keep = run == 0 && scenario.Source == "local" && (!scenario.IsPip || !scenario.Compile);
                var (sample, environment) = await MeasureAsync(scenario, cache, $"{run}", keep);
                samples[scenario].Add(sample);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}/{options.Runs} {scenario.Name}: {sample.Seconds:0.00} s, CPU {sample.CpuSeconds:0.00} s"));
                if (scenario.Cache == "cold")
                {
                    TryDelete(cache);
                }

                if (keep && scenario.IsPip)
                {
                    fileSetCheck = CompareFileSets(Path.Combine(Work, "envs", "venvstacks-sdk-local-0"), environment);
                }

                if (!keep || scenario.IsPip)
                {
                    TryDelete(environment);
                }
            }
        }

        return new InstallMeasurements(samples.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => (IReadOnlyList<InstallSample>)p.Value), fileSetCheck);
    }

    private async Task<(InstallSample Sample, string Environment)> MeasureAsync(InstallScenario scenario, string cache, string label, bool keep = false)
    {
        var tool = scenario.IsPip ? "pip" + (scenario.Compile ? string.Empty : "-nocompile") : "venvstacks-sdk";
        var environment = Path.Combine(Work, "envs", $"{tool}-{scenario.Source}-{label}");
        TryDelete(environment);
        (await BenchmarkProcess.RunAsync(python, ["-m", "venv", "--without-pip", environment])).EnsureSuccess("venv");
        var venvPython = Path.Combine(environment, "bin", "python");
        BenchmarkProcess result;
        if (scenario.IsPip)
        {
            var arguments = new List<string> { "-m", "pip", "--python", venvPython, "install", "--no-deps", "--require-hashes", "--cache-dir", cache };
            arguments.AddRange(scenario.Source == "index"
                ? ["--index-url", server.SimpleUri.AbsoluteUri, "-r", IndexRequirements]
                : ["--no-index", "-r", LocalRequirements]);
            if (!scenario.Compile)
            {
                arguments.Add("--no-compile");
            }

            result = await BenchmarkProcess.RunAsync(python, arguments);
        }
        else
        {
            var lockPath = scenario.Source == "index" ? IndexLock : LocalLock;
            // Run as `dotnet VenvStacks.Benchmarks.dll`, the child needs the assembly path; as an apphost, it does not.
            var host = Environment.ProcessPath!;
            string[] prefix = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(InstallChild).Assembly.Location] : [];
            result = await BenchmarkProcess.RunAsync(host, [.. prefix, InstallChild.Switch, lockPath, environment, cache, pythonVersion]);
        }

        result.EnsureSuccess(scenario.Name);
        if (label == "prime" && !keep)
        {
            TryDelete(environment);
        }

        return (new InstallSample(result.Elapsed.TotalSeconds, result.CpuTime?.TotalSeconds), environment);
    }

    private async Task WriteInputsAsync()
    {
        Directory.CreateDirectory(WheelFolder);
        var indexPackages = new List<PyLockPackage>();
        var localPackages = new List<PyLockPackage>();
        var indexRequirements = new List<string>();
        var localRequirements = new List<string>();
        foreach (var wheel in set.Wheels)
        {
            var path = wheel.WriteTo(WheelFolder);
            server.Add(wheel);
            var hashes = new Dictionary<string, string> { ["sha256"] = wheel.Sha256 };
            indexPackages.Add(new PyLockPackage
            {
                Name = wheel.Name,
                Version = wheel.Version,
                Index = server.SimpleUri.AbsoluteUri,
                Wheels = [new PyLockWheel { Url = server.FileUri(wheel.FileName).AbsoluteUri, Size = wheel.Content.Length, Hashes = hashes }],
            });
            localPackages.Add(new PyLockPackage
            {
                Name = wheel.Name,
                Version = wheel.Version,
                Wheels = [new PyLockWheel { Path = "../wheels/" + wheel.FileName, Size = wheel.Content.Length, Hashes = hashes }],
            });
            indexRequirements.Add($"{wheel.Name}=={wheel.Version} --hash=sha256:{wheel.Sha256}");
            localRequirements.Add($"{path} --hash=sha256:{wheel.Sha256}");
        }

        foreach (var (lockPath, packages) in new[] { (IndexLock, indexPackages), (LocalLock, localPackages) })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            await new PyLock { CreatedBy = "venvstacks-sdk-benchmark", Packages = packages }.WriteAsync(lockPath);
        }

        await File.WriteAllLinesAsync(IndexRequirements, indexRequirements);
        await File.WriteAllLinesAsync(LocalRequirements, localRequirements);
    }

    // The same wheels must give the same files, apart from what only pip writes (direct_url.json, bytecode: none
    // with --no-compile) and RECORD/INSTALLER contents.
    private static string CompareFileSets(string ours, string pips)
    {
        static HashSet<string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p))
            .Where(p => !p.EndsWith("direct_url.json", StringComparison.Ordinal) && !p.Contains("__pycache__", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var (mine, theirs) = (Files(ours), Files(pips));
        var onlyOurs = mine.Except(theirs).Order(StringComparer.Ordinal).ToList();
        var onlyPip = theirs.Except(mine).Order(StringComparer.Ordinal).ToList();
        TryDelete(ours);
        return onlyOurs.Count == 0 && onlyPip.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"identical ({mine.Count} files)")
            : $"DIFFERENT: only ours [{string.Join(", ", onlyOurs.Take(5))}], only pip's [{string.Join(", ", onlyPip.Take(5))}]";
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Leftovers in the temp folder do not affect measurements.
        }
    }
}
