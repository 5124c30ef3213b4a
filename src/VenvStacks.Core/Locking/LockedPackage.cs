using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Pep751;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Locking;

/// <summary>
/// A package entry of a layer lock, normalised as venvstacks reads it: canonical version, single-quoted marker with
/// the shared-package clause taken off (and remembered in <see cref="IsShared"/>).
/// </summary>
public sealed record LockedPackage(string Name, Version Version, string MarkerText, bool IsShared, string? Index, IReadOnlyList<LockedWheelHashes> Wheels)
{
    /// <summary>The unsatisfiable clause that marks a package as provided by a lower layer.</summary>
    public const string SharedClause = PyLockPackage.FromLowerLayerClause;

    /// <summary>The parsed marker (without the shared clause), or null when unconditional.</summary>
    public Marker? Marker => MarkerText.Length == 0 ? null : Marker.Parse(MarkerText);

    /// <summary>Whether the package is installed in <paramref name="environment"/>: always when unconditional.</summary>
    internal bool AppliesTo(MarkerEnvironment environment) => Marker is not { } marker || marker.Evaluate(environment);

    /// <summary>Reads one pylock package entry.</summary>
    public static LockedPackage From(PyLockPackage package)
    {
        var version = Version.Parse(package.Version ?? throw new FormatException($"Package '{package.Name}' has no version in the lock"));
        var markerText = package.Marker is { Length: > 0 } raw ? Marker.Parse(raw).ToSingleQuotedString() : string.Empty;
        var isShared = markerText.Contains("from_lower_layer", StringComparison.Ordinal);
        if (isShared)
        {
            markerText = RemoveSharedClause(markerText);
        }

        var wheels = (package.Wheels ?? [])
            .Select(w => new LockedWheelHashes(Uri.UnescapeDataString(w.FileName ?? string.Empty), w.Hashes))
            .ToArray();
        return new LockedPackage(package.Name, version, markerText, isShared, package.Index, wheels);
    }

    /// <summary><c>name==version</c> with <c> ; marker</c> when conditional (venvstacks' <c>str(LockedPackage)</c>).</summary>
    public override string ToString() => MarkerText.Length == 0 ? $"{Name}=={Version}" : $"{Name}=={Version} ; {MarkerText}";

    /// <summary>The marker that hides a shared package from installers.</summary>
    public string SharedMarker => MarkerText.Length == 0 ? SharedClause : $"({MarkerText}) and {SharedClause}";

    private static string RemoveSharedClause(string markerText)
    {
        if (markerText == SharedClause)
        {
            return string.Empty;
        }

        var suffix = " and " + SharedClause;
        var result = markerText.StartsWith('(') ? markerText[1..] : markerText;
        result = result.EndsWith(suffix, StringComparison.Ordinal) ? result[..^suffix.Length] : result;
        return result.EndsWith(')') ? result[..^1] : result;
    }
}

/// <summary>A locked wheel's file name and hashes (what the requirements hash covers).</summary>
public sealed record LockedWheelHashes(string FileName, IReadOnlyDictionary<string, string> Hashes);
