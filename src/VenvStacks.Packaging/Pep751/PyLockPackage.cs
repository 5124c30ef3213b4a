using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Pep751;

/// <summary>A <c>[[packages]]</c> entry of a pylock.toml: one locked distribution and where to get it.</summary>
/// <remarks>
/// venvstacks marks packages that a lower layer already installs with the marker
/// <c>sys_platform == 'from_lower_layer'</c> (possibly <c>(&lt;marker&gt;) and sys_platform == 'from_lower_layer'</c>)
/// and removes their <c>index</c> and <c>wheels</c>; <see cref="IsFromLowerLayer"/> recognises that.
/// </remarks>
public sealed record PyLockPackage
{
    /// <summary>The marker clause venvstacks appends to packages that a lower layer provides.</summary>
    public const string FromLowerLayerClause = "sys_platform == 'from_lower_layer'";

    /// <summary>The project name as written (uv writes the normalised name). Required.</summary>
    public required string Name { get; init; }

    /// <summary>The locked version as written; absent for source trees.</summary>
    public string? Version { get; init; }

    /// <summary>The PEP 508 environment marker that decides whether the package is installed, as written.</summary>
    public string? Marker { get; init; }

    /// <summary>The package's <c>requires-python</c> specifier set, as written.</summary>
    public string? RequiresPython { get; init; }

    /// <summary>The <c>[[packages.dependencies]]</c> tables (keys identifying other packages), as read.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object>>? Dependencies { get; init => field = TomlData.FreezeTables(value); }

    /// <summary>The index (simple API base URL) the files came from.</summary>
    public string? Index { get; init; }

    /// <summary>The version control source, if the package comes from one.</summary>
    public PyLockVcs? Vcs { get; init; }

    /// <summary>The local source tree, if the package comes from one.</summary>
    public PyLockDirectory? Directory { get; init; }

    /// <summary>The direct archive, if the package comes from one.</summary>
    public PyLockArchive? Archive { get; init; }

    /// <summary>The source distribution from the index, if any.</summary>
    public PyLockSdist? Sdist { get; init; }

    /// <summary>The wheels from the index in file order; null when the key is absent.</summary>
    public IReadOnlyList<PyLockWheel>? Wheels { get; init => field = ValueList.FromNullable(value); }

    /// <summary>The <c>[[packages.attestation-identities]]</c> tables, as read.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object>>? AttestationIdentities { get; init => field = TomlData.FreezeTables(value); }

    /// <summary>The <c>[packages.tool]</c> table, as read.</summary>
    public IReadOnlyDictionary<string, object>? Tool { get; init => field = TomlData.FreezeNullableTable(value); }

    /// <summary>Keys of the entry that this model does not know, kept as read (see <see cref="PyLock"/> for value types).</summary>
    public IReadOnlyDictionary<string, object> Unknown { get; init => field = TomlData.FreezeTable(value); } = ValueMap<object>.Empty;

    /// <summary>The <see cref="Name"/> normalised per PEP 503.</summary>
    public NormalizedName NormalizedName => NormalizedName.From(Name);

    /// <summary>Parses <see cref="Version"/> as a PEP 440 version; null when there is none.</summary>
    /// <exception cref="PackagingFormatException">The version is not valid (only possible for a model built in code:
    /// <see cref="PyLock.Parse"/> validates it).</exception>
    public Pep440.Version? ParseVersion() => Version is null ? null : Pep440.Version.Parse(Version);

    /// <summary>Parses <see cref="Marker"/> as a PEP 508 marker; null when there is none.</summary>
    /// <exception cref="PackagingFormatException">The marker is not valid (only possible for a model built in code).</exception>
    public Marker? ParseMarker() => Marker is null ? null : Pep508.Marker.Parse(Marker);

    /// <summary>Parses <see cref="MarkerWithoutLowerLayerClause"/> as a PEP 508 marker; null when there is none.</summary>
    /// <exception cref="PackagingFormatException">The marker is not valid (only possible for a model built in code).</exception>
    public Marker? ParseMarkerWithoutLowerLayerClause() =>
        MarkerWithoutLowerLayerClause is { } marker ? Pep508.Marker.Parse(marker) : null;

    /// <summary>Parses <see cref="RequiresPython"/> as a specifier set; null when there is none.</summary>
    /// <exception cref="PackagingFormatException">The specifiers are not valid (only possible for a model built in code).</exception>
    public SpecifierSet? ParseRequiresPython() => RequiresPython is null ? null : SpecifierSet.Parse(RequiresPython);

    /// <summary>True when <see cref="Marker"/> ends with venvstacks' <see cref="FromLowerLayerClause"/>: a lower layer
    /// installs this package, so no installer will select it here.</summary>
    public bool IsFromLowerLayer =>
        Marker is not null
        && (Marker == FromLowerLayerClause || Marker.EndsWith(") and " + FromLowerLayerClause, StringComparison.Ordinal));

    /// <summary>The marker without venvstacks' lower-layer clause: the original marker of a shared package (null
    /// when it had none), or <see cref="Marker"/> unchanged for other packages.</summary>
    public string? MarkerWithoutLowerLayerClause
    {
        get
        {
            if (!IsFromLowerLayer)
            {
                return Marker;
            }

            if (Marker == FromLowerLayerClause)
            {
                return null;
            }

            // "(<marker>) and sys_platform == 'from_lower_layer'": strip the clause and the parentheses.
            var inner = Marker![..^(" and ".Length + FromLowerLayerClause.Length)];
            return inner[1..^1];
        }
    }
}
