namespace VenvStacks.Core.Publishing;

/// <summary>What a publish did with one layer.</summary>
public enum LayerPublishAction
{
    /// <summary>A new archive was made and its build number raised.</summary>
    Archived,

    /// <summary>Nothing changed since the previous publish: its archive and metadata were kept as they were.</summary>
    Reused,

    /// <summary>Dry run: the build metadata was computed, nothing was written.</summary>
    Planned,

    /// <summary>Left out by the include patterns; its entry from the existing manifest was kept.</summary>
    Kept,
}
