using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Locking;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Pep751;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Core.Installing;

/// <summary>
/// Chooses what a layer installs from its lock for its target platform (docs/venvstacks-reference.md §3.3): every
/// package entry whose marker holds in the target's marker environment, except the shared entries a lower layer
/// provides (<c>sys_platform == 'from_lower_layer'</c>), and for each the best-ranked compatible wheel by the target's
/// supported tags (then the higher build tag, then lock order), as an installer run on the target would choose.
/// </summary>
public static class LockedWheelSelector
{
    /// <summary>The wheels to install; problems are added to <paramref name="diagnostics"/>.</summary>
    public static ImmutableArray<SelectedWheel> Select(LayerInstallRequest request, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var environment = request.Platform.GetMarkerEnvironment(request.Implementation);
        var tags = request.Platform.GetSupportedTags(request.Implementation, request.LinuxTarget, request.MacOSTarget);
        var context = new Context(request, diagnostics);
        var selected = new Dictionary<NormalizedName, SelectedWheel>();
        foreach (var package in request.Lock.Packages)
        {
            if (package.IsFromLowerLayer || !context.Applies(package, environment))
            {
                continue;
            }

            if (selected.ContainsKey(package.NormalizedName))
            {
                context.Error(DiagnosticCodes.LockedPackageNotInstallable, $"more than one entry for {package.Name} applies to {request.Platform}");
                continue;
            }

            if (context.Choose(package, tags) is { } wheel)
            {
                selected.Add(package.NormalizedName, wheel);
            }
        }

        return [.. selected.Values];
    }

    private sealed class Context(LayerInstallRequest request, DiagnosticBag diagnostics)
    {
        private readonly SourceLocation _location = SourceLocation.FileOnly(request.LockFilePath);

        public void Error(DiagnosticDescriptor descriptor, string problem) =>
            diagnostics.Error(descriptor, $"Layer {request.LayerName}: {problem}", _location);

        public bool Applies(PyLockPackage package, MarkerEnvironment environment)
        {
            try
            {
                return LockedPackage.From(package).AppliesTo(environment);
            }
            catch (MarkerEvaluationException e)
            {
                Error(DiagnosticCodes.LockMarkerNotEvaluable, $"the marker of {package.Name} ({package.Marker}) cannot be evaluated for {request.Platform}: {e.Message}");
            }
            catch (FormatException e)
            {
                Error(DiagnosticCodes.LockedPackageNotInstallable, $"{package.Name}: {e.Message}");
            }

            return false;
        }

        public SelectedWheel? Choose(PyLockPackage package, SupportedTags tags)
        {
            var version = package.ParseVersion()!;
            if (package.Wheels is not { Count: > 0 } wheels)
            {
                Error(DiagnosticCodes.LockedPackageNotInstallable, $"{package.Name} {version} has no wheels in the lock (source distributions, VCS and directory sources are never built)");
                return null;
            }

            var ranked = wheels
                .Select((wheel, order) => (Wheel: wheel, Order: order, Name: WheelFileName.TryParse(wheel.FileName, out var name) ? name : null))
                .Where(c => c.Name is not null && tags.RankOf(c.Name.Tags) is not null)
                .OrderBy(c => tags.RankOf(c.Name!.Tags))
                .ThenByDescending(c => c.Name!.BuildTag ?? default)
                .ThenBy(c => c.Order)
                .FirstOrDefault();
            if (ranked.Wheel is null)
            {
                var listed = string.Join(", ", wheels.Select(w => w.FileName ?? "(unnamed)"));
                Error(DiagnosticCodes.NoCompatibleWheel, $"none of the wheels of {package.Name} {version} is compatible with {request.Platform} (Python {request.Implementation.MajorMinor}): {listed}");
                return null;
            }

            var (wheel, fileName) = (ranked.Wheel, ranked.Name!);
            if (fileName.Name != package.NormalizedName.Value || !fileName.Version.Equals(version))
            {
                Error(DiagnosticCodes.LockedPackageNotInstallable, $"the wheel {fileName} listed for {package.Name} {version} is not a wheel of that project and version");
                return null;
            }

            if (!wheel.Hashes.TryGetValue("sha256", out var sha256))
            {
                Error(DiagnosticCodes.LockedWheelWithoutHash, $"the wheel {fileName} of {package.Name} has no sha256 in the lock");
                return null;
            }

            return Locate(package, wheel, fileName, sha256.ToLowerInvariant()) is { } file ? new SelectedWheel(package.Name, version, wheel, file) : null;
        }

        private IndexFile? Locate(PyLockPackage package, PyLockWheel wheel, WheelFileName fileName, string sha256)
        {
            Uri url;
            IndexSource source;
            string? localPath = null;
            try
            {
                if (wheel.Path is { } relative)
                {
                    localPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.LockFilePath))!, relative.Replace('/', Path.DirectorySeparatorChar)));
                    url = new Uri(localPath);
                    source = IndexSource.Flat(Path.GetDirectoryName(localPath)!);
                }
                else if (wheel.Url is { } address)
                {
                    url = new Uri(address, UriKind.Absolute);
                    source = IndexSource.Simple(package.Index ?? address);
                }
                else
                {
                    Error(DiagnosticCodes.LockedPackageNotInstallable, $"the wheel {fileName} of {package.Name} has neither a url nor a path");
                    return null;
                }
            }
            catch (Exception e) when (e is UriFormatException or ArgumentException)
            {
                Error(DiagnosticCodes.LockedPackageNotInstallable, $"the location of the wheel {fileName} of {package.Name} is not usable: {e.Message}");
                return null;
            }

            return new IndexFile
            {
                FileName = fileName.FileName,
                Kind = DistributionKind.Wheel,
                Name = NormalizedName.From(fileName.Name),
                Version = fileName.Version,
                Url = url,
                Source = source,
                Hashes = wheel.Hashes.ToImmutableDictionary(p => p.Key.ToLowerInvariant(), p => p.Value.ToLowerInvariant()),
                Size = wheel.Size,
                LocalPath = localPath,
            };
        }
    }
}
