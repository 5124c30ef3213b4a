using System.Collections.Concurrent;
using System.Collections.Immutable;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Caching;
using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IndexSelection;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Resolution;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Core.Locking;

/// <summary>
/// The production <see cref="IPlatformResolver"/>: VenvStacks.Packaging's PubGrub resolver over the index client.
/// One package finder per distinct index configuration is shared by every platform and layer that uses it, so a
/// project page or metadata file is fetched once per lock run (and revalidated from the disk cache across runs).
/// </summary>
public sealed class IndexPlatformResolver : IPlatformResolver, IDisposable
{
    private readonly StackSpec _spec;
    private readonly LockEnvironment _environment;
    private readonly IndexClient _client;
    private readonly ConcurrentDictionary<string, Lazy<(PackageFinder Finder, IPackageCandidateProvider Provider)>> _finders = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver for the layers of <paramref name="spec"/>.</summary>
    public IndexPlatformResolver(StackSpec spec, LockEnvironment environment)
    {
        _spec = spec;
        _environment = environment;
        _client = new IndexClient(new IndexClientOptions
        {
            CacheDirectory = environment.CacheDirectory ?? CacheDirectory.GetDefault(),
            Offline = environment.Offline,
            Environment = environment.EnvironmentVariables,
            Log = environment.Log,
        });
    }

    /// <inheritdoc />
    public async Task<PlatformResolutionOutcome> ResolveAsync(PlatformResolutionRequest request, CancellationToken cancellationToken)
    {
        var layer = request.Layer;
        var (finder, provider) = FinderFor(layer);
        var implementation = layer.Runtime.PythonImplementation;
        var target = ResolutionTarget.ForPlatform(request.Platform, implementation, layer.LinuxTarget, layer.MacOSTarget);
        var resolutionRequest = new ResolutionRequest([.. layer.Requirements])
        {
            RootName = layer.BuildName,
            Constraints = [.. request.Constraints.Select(c => new ResolutionConstraint(c, Origin(c.NormalizedName.Value, request)))],
            Preferences = request.Preferences.ToImmutableDictionary(p => NormalizedName.From(p.Key), p => p.Value),
        };

        ResolutionResult result;
        try
        {
            result = await new Resolver(provider).ResolveAsync(resolutionRequest, target, cancellationToken).ConfigureAwait(false);
        }
        catch (ResolutionException ex)
        {
            var withoutWheels = ex.Facts
                .Where(f => f.Kind is ConflictFactKind.IncompatibleWheels or ConflictFactKind.NoWheels && f.Package is not null)
                .Select(f => f.Package!.Value.Value)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            return new PlatformUnsatisfiable(ex.Message, withoutWheels);
        }

        var pythonTags = PythonCompatibleInterpreterAbis(layer);
        var packages = new List<ResolvedDistribution>();
        foreach (var package in result.Packages)
        {
            packages.Add(await ToDistributionAsync(finder, package, pythonTags, cancellationToken).ConfigureAwait(false));
        }

        return new PlatformResolved(packages);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private (PackageFinder Finder, IPackageCandidateProvider Provider) FinderFor(LayerSpec layer)
    {
        var configuration = LayerIndexConfiguration.For(_spec, layer, _environment);
        return _finders.GetOrAdd(Key(configuration), _ => new Lazy<(PackageFinder, IPackageCandidateProvider)>(() =>
        {
            var finder = new PackageFinder(_client, configuration);
            return (finder, new CachingCandidateProvider(new IndexCandidateProvider(finder)));
        })).Value;
    }

    // Layers with the same index settings share a finder; the configuration record holds arrays (reference
    // equality), so the key spells the settings out.
    private static string Key(IndexConfiguration configuration) => string.Join(
        "\n",
        configuration.SearchOrder.Select(s => $"{s.Url}|{s.Format}|{s.Explicit}|{s.Default}")
            .Concat(configuration.FindLinks.Select(s => "find-links " + s.Url))
            .Concat(configuration.Sources.OrderBy(s => s.Key.Value, StringComparer.Ordinal).Select(s => $"source {s.Key.Value}={s.Value.Url}"))
            .Append($"no-index {configuration.NoIndex}; exclude-newer {configuration.ExcludeNewer:O}; missing-upload-time {configuration.MissingUploadTime}"));

    private static string Origin(string name, PlatformResolutionRequest request) =>
        request.ConstraintOrigins.TryGetValue(name, out var layer) ? $"the lower layer {layer}" : "a lower layer";

    // uv lists every wheel of a version that the runtime's Python can load on some platform; so do we, so that a
    // lock made on one machine serves every target and matches what uv would write.
    private static HashSet<(string Interpreter, string Abi)> PythonCompatibleInterpreterAbis(LayerSpec layer)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var platform in layer.Platforms)
        {
            foreach (var tag in platform.GetSupportedTags(layer.Runtime.PythonImplementation, layer.LinuxTarget, layer.MacOSTarget))
            {
                pairs.Add((tag.Interpreter, tag.Abi));
            }
        }

        return pairs;
    }

    private static async Task<ResolvedDistribution> ToDistributionAsync(
        PackageFinder finder, ResolvedPackage package, HashSet<(string, string)> pythonTags, CancellationToken cancellationToken)
    {
        var candidates = await finder.FindAsync(package.Name.Value, cancellationToken).ConfigureAwait(false);
        var versionFiles = candidates.Wheels.Where(f => f.Version == package.Version).ToList();
        var usable = versionFiles.Where(f => !f.IsYanked).ToList();
        var files = (usable.Count > 0 ? usable : versionFiles)
            .Where(f => LoadableBy(f, pythonTags))
            .ToList();
        var wheels = new List<LockWheelFile>();
        foreach (var file in files)
        {
            wheels.Add(await ToLockWheelAsync(finder, file, cancellationToken).ConfigureAwait(false));
        }

        var chosenSource = files.FirstOrDefault(f => f.FileName == package.Wheel.FileName)?.Source ?? files.FirstOrDefault()?.Source;
        var index = chosenSource is null || chosenSource.IsLocal || chosenSource.Format == IndexFormat.Flat
            ? null
            : UrlRedactor.StripCredentials(chosenSource.Url).AbsoluteUri.TrimEnd('/');
        return new ResolvedDistribution(package.Name.Value, package.Version, index, wheels);
    }

    private static bool LoadableBy(IndexFile file, HashSet<(string Interpreter, string Abi)> pythonTags) =>
        WheelFileName.TryParse(file.FileName, out var wheel) && wheel.Tags.Any(t => pythonTags.Contains((t.Interpreter, t.Abi)));

    private static async Task<LockWheelFile> ToLockWheelAsync(PackageFinder finder, IndexFile file, CancellationToken cancellationToken)
    {
        var sha256 = file.Sha256;
        var size = file.Size;
        if (sha256 is null || (size is null && file.LocalPath is not null))
        {
            // Local files and indexes that publish no hashes: the lock must still pin the exact bytes.
            var downloaded = await finder.DownloadAsync(file, cancellationToken).ConfigureAwait(false);
            sha256 = downloaded.Sha256;
            size ??= downloaded.Size;
        }

        return new LockWheelFile(
            file.FileName,
            file.LocalPath is null ? file.Url.AbsoluteUri : null,
            file.LocalPath,
            size,
            file.UploadTime,
            sha256);
    }
}
