using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Publishing;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Benchmarks.Publishing;

/// <summary>
/// The console entry build/bench/publish_bench.sh times against GNU tar piped into xz or zstd:
/// <c>dotnet VenvStacks.Benchmarks.dll --publish BUILD_DIR LAYER OUTPUT_DIR [--format xz|zst] [--level N] [--threads N]</c>.
/// <c>BUILD_DIR/LAYER</c> is published as a runtime layer named LAYER through <see cref="PublishEngine"/>, the way
/// <c>dotnet publish</c> does it: a spec and a lock for it are written to a temporary folder and the layer's
/// <c>.last-build.json</c> next to it, then the publish (forced, so every run archives) is timed on its own. Prints
/// one line of <c>key=value</c> pairs: the publish's seconds, bytes in and out, the archive's SHA-256 and the process's
/// own peak working set.
/// </summary>
internal static class PublishBenchmarkProgram
{
    public const string Switch = "--publish";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == Switch;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 4)
        {
            await Console.Error.WriteLineAsync($"usage: {Switch} BUILD_DIR LAYER OUTPUT_DIR [--format xz|zst] [--level N] [--threads N]");
            return 2;
        }

        var (buildDirectory, layerName, output) = (Path.GetFullPath(args[1]), args[2], Path.GetFullPath(args[3]));
        var format = ArchiveFormat.TarXz;
        int? level = null, threads = null;
        for (var i = 4; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--format":
                    format = args[i + 1] == "zst" ? ArchiveFormat.TarZst : ArchiveFormat.TarXz;
                    break;
                case "--level":
                    level = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    await Console.Error.WriteLineAsync("unknown option " + args[i]);
                    return 2;
            }
        }

        var specDirectory = Path.Combine(Path.GetTempPath(), "vstk-publish-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var spec = await PrepareAsync(specDirectory, buildDirectory, layerName);
            var request = new PublishRequest
            {
                Spec = spec,
                BuildDirectory = buildDirectory,
                OutputDirectory = output,
                Platform = HostPlatform(),
                PostInstallScript = Encoding.UTF8.GetBytes("# post-install placeholder for the benchmark\n"),
                Format = format,
                Compression = new ArchiveCompression(level, threads),
                Force = true,
            };
            var clock = Stopwatch.StartNew();
            var result = await PublishEngine.PublishAsync(request, null, CancellationToken.None);
            clock.Stop();
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join('\n', result.Diagnostics));
                return 1;
            }

            var layer = result.Layers.Single();
            var statistics = layer.Statistics!.Value;
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"seconds={clock.Elapsed.TotalSeconds:0.00} archive_seconds={statistics.Elapsed.TotalSeconds:0.00} archive={layer.ArchivePath} bytes_in={statistics.BytesIn} size={statistics.BytesOut} sha256={PublishedDigest(layer.MetadataJson)} peak_working_set_mb={self.PeakWorkingSet64 / (1024.0 * 1024):0.0}"));
            return 0;
        }
        finally
        {
            Directory.Delete(specDirectory, recursive: true);
        }
    }

    // A one-runtime stack, locked (it has no requirements, so the resolver has nothing to find), and the build record a
    // build of the layer would have written.
    private static async Task<StackSpec> PrepareAsync(string specDirectory, string buildDirectory, string layerName)
    {
        Directory.CreateDirectory(specDirectory);
        var specPath = Path.Combine(specDirectory, "venvstacks.toml");
        await File.WriteAllTextAsync(specPath, $"[[runtimes]]\nname = \"{layerName}\"\npython_implementation = \"cpython@3.12.1\"\nrequirements = []\nplatforms = [\"{HostPlatform().Name}\"]\n");
        var load = StackSpecLoader.Load(specPath, StackSpecLoadOptions.Empty);
        var spec = load.Spec ?? throw new InvalidOperationException(string.Join('\n', load.Diagnostics));
        var locked = await new LockEngine(new NothingToResolve()).LockAsync(spec, LockOptions.Default, null, CancellationToken.None);
        if (!locked.Succeeded)
        {
            throw new InvalidOperationException(string.Join('\n', locked.Diagnostics));
        }

        var layer = spec.Layers.Single();
        var state = LockStateReader.Read(spec)[layer.BuildName];
        var plan = LayerEnvironmentPlan.FromSpec(layer, HostPlatform(), buildDirectory, l => l.InstallTarget(1), SourceTreeFilter.For(specDirectory));
        await LastBuildRecord.Create(layer, plan, state.Recorded!, state.Files.PyLockPath).WriteAsync(plan, CancellationToken.None);
        return spec;
    }

    private static string PublishedDigest(string metadataJson) =>
        System.Text.Json.Nodes.JsonNode.Parse(metadataJson)!["archive_hashes"]!["sha256"]!.GetValue<string>();

    private static TargetPlatform HostPlatform() => (OperatingSystem.IsLinux(), RuntimeInformation.OSArchitecture) switch
    {
        (true, Architecture.X64) => TargetPlatform.LinuxX64,
        (true, Architecture.Arm64) => TargetPlatform.LinuxAarch64,
        _ => throw new PlatformNotSupportedException("The publish benchmark runs on Linux x86_64 or aarch64."),
    };

    private sealed class NothingToResolve : IPlatformResolver
    {
        public Task<PlatformResolutionOutcome> ResolveAsync(PlatformResolutionRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<PlatformResolutionOutcome>(new PlatformResolved([]));
    }
}
