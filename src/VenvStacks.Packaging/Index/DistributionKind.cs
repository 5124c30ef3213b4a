namespace VenvStacks.Packaging.Index;

/// <summary>What a listed file is.</summary>
public enum DistributionKind
{
    /// <summary>A wheel (<c>.whl</c>, PEP 427).</summary>
    Wheel,

    /// <summary>A source distribution (<c>.tar.gz</c> or <c>.zip</c>); listed but never installed (binary-only locking).</summary>
    SourceDistribution,
}
