using System.Collections.Immutable;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Pep440;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// One file of a package version as an index lists it: a wheel (with its tags) or a source distribution. The resolver
/// reads the tags, yanked state and <c>Requires-Python</c>; the other members are passed through to the result so a
/// lock can be written without asking the index again.
/// </summary>
/// <param name="FileName">The file name, e.g. <c>numpy-2.3.2-cp311-cp311-manylinux_2_28_x86_64.whl</c>.</param>
public sealed record DistributionFile(string FileName)
{
    /// <summary>The wheel's compatibility tags (from its file name), or null for a source distribution, which the
    /// resolver never uses (resolution is binary-only).</summary>
    public TagSet? WheelTags { get; init; }

    /// <summary>Whether the index marks the file as yanked (PEP 592).</summary>
    public bool IsYanked { get; init; }

    /// <summary>The reason the index gives for the yank, if any.</summary>
    public string? YankedReason { get; init; }

    /// <summary>The file's <c>Requires-Python</c> as the index reports it (PEP 503 <c>data-requires-python</c>), or null.</summary>
    public SpecifierSet? RequiresPython { get; init; }

    /// <summary>When the file was uploaded, if the index says.</summary>
    public DateTimeOffset? UploadTime { get; init; }

    /// <summary>Where to download the file from.</summary>
    public string? Url { get; init; }

    /// <summary>The size in bytes, if known.</summary>
    public long? Size { get; init; }

    /// <summary>Hashes by algorithm name (<c>sha256</c> → lowercase hex).</summary>
    public ImmutableDictionary<string, string> Hashes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Whether the file is a wheel.</summary>
    public bool IsWheel => WheelTags is not null;
}
