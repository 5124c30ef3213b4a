namespace VenvStacks.Core.Building;

/// <summary>What a build did with one layer.</summary>
public enum LayerBuildStatus
{
    /// <summary>Built or updated; its last build record was written.</summary>
    Built,

    /// <summary>Its last build record matches the spec, lock and modules: nothing was touched.</summary>
    UpToDate,

    /// <summary>The layer does not target the platform being built.</summary>
    NotForThisPlatform,

    /// <summary>A lower layer failed, so this one was not attempted.</summary>
    Blocked,

    /// <summary>Building failed; the previous build of the layer, if any, is still in place.</summary>
    Failed,
}
