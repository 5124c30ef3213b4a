namespace VenvStacks.Packaging.Pep440;

/// <summary>The normalised pre-release phases of PEP 440, in their sort order.</summary>
internal enum PreReleaseLabel : byte
{
    None = 0,
    Alpha = 1,
    Beta = 2,
    ReleaseCandidate = 3,
}
