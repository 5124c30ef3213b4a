using System.Collections.Immutable;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Resolution;

/// <summary>One released version of a package with all the files the index lists for it.</summary>
/// <param name="Version">The version.</param>
/// <param name="Files">Its wheels and source distributions.</param>
public sealed record CandidateVersion(Version Version, ImmutableArray<DistributionFile> Files);
