using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using VenvStacks.Core.Installing;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Pep751;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.Caching;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Benchmarks.Installation;

/// <summary>
/// One installation in a fresh process, as a build would run it: <c>--installation-child LOCK ENV CACHE PYTHON</c>
/// reads the lock, installs it into the venv at ENV for linux_x86_64 through an index client caching in CACHE, and
/// prints the in-process seconds. Every package counts as requested (gets REQUESTED), as pip's command-line requirements do.
/// </summary>
internal static class InstallChild
{
    public const string Switch = "--installation-child";

    public static async Task<int> RunAsync(string[] args)
    {
        var clock = Stopwatch.StartNew();
        var (lockPath, environment, cache, python) = (args[1], args[2], args[3], PythonImplementation.Parse(args[4]));
        var lockFile = await PyLock.ReadAsync(lockPath);
        using var client = new IndexClient(new IndexClientOptions { CacheDirectory = cache });
        var request = new LayerInstallRequest
        {
            LayerName = "bench",
            Lock = lockFile,
            LockFilePath = lockPath,
            Platform = TargetPlatform.LinuxX64,
            Implementation = python,
            Scheme = InstallScheme.ForVirtualEnvironment(environment, TargetOperatingSystem.Linux, python.Major, python.Minor),
            EnvironmentRoot = environment,
            ScriptShebang = "#!" + Path.Combine(environment, "bin", "python"),

            // Every wheel is a direct requirement, as in pip's command line.
            Requested = lockFile.Packages.Select(p => p.NormalizedName).ToImmutableHashSet(),
        };
        var result = await new LayerPackageInstaller(client).InstallAsync(request);
        foreach (var diagnostic in result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic);
        }

        Console.WriteLine(clock.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        return result.Succeeded && result.Installed.Length == lockFile.Packages.Count ? 0 : 1;
    }
}
