namespace VenvStacks.Core.SourceTrees;

/// <summary>
/// How big a launch or support module folder may be. A module is an application's own unpackaged code, hashed on
/// every build and copied into the layer; a tree beyond these bounds is almost certainly the wrong folder (a system
/// folder, a home folder), and walking it would stall every build.
/// </summary>
/// <param name="MaxEntries">Files and folders, counted after the source filter.</param>
/// <param name="MaxBytes">Total size of the files.</param>
public sealed record ModuleTreeLimits(int MaxEntries, long MaxBytes)
{
    /// <summary>10 000 files and folders, 256 MiB (docs/msbuild.md, "Launch and support modules").</summary>
    public static ModuleTreeLimits Default { get; } = new(10_000, 256L * 1024 * 1024);
}
