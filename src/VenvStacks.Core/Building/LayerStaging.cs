using VenvStacks.Core.Runtimes;

namespace VenvStacks.Core.Building;

/// <summary>
/// Builds a layer beside its current folder and swaps it in only when it is complete, so a failed, cancelled or killed
/// build leaves the previous good layer in place (never a half one that looks built). The staging folder is a sibling,
/// <c>&lt;build name&gt;.staging</c>, so the relative links a layer holds (<c>../../cpython-3.11/bin/python</c>)
/// resolve the same there as in the final folder. An update starts from a hard-linked clone of the current layer:
/// files are only ever replaced (new file, then rename) or unlinked in the clone, never written through, so the
/// current layer stays intact until the swap.
/// </summary>
internal sealed class LayerStaging
{
    private const string StagingSuffix = ".staging";
    private const string PreviousSuffix = ".previous";

    public LayerStaging(string environmentPath)
    {
        FinalPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(environmentPath));
        StagingPath = FinalPath + StagingSuffix;
    }

    /// <summary>Where the layer lives once built.</summary>
    public string FinalPath { get; }

    /// <summary>Where it is built.</summary>
    public string StagingPath { get; }

    /// <summary>The build record next to the final folder.</summary>
    public string FinalRecordPath => FinalPath + ".last-build.json";

    /// <summary>The build record the staged build writes (next to the staging folder).</summary>
    public string StagingRecordPath => StagingPath + ".last-build.json";

    /// <summary>
    /// Removes what an interrupted build left (a staging folder, a previous folder a swap did not delete) and starts a
    /// fresh staging folder: a hard-linked clone of <paramref name="startFrom"/> (the cached runtime, or the layer's
    /// current build) when that folder exists, else empty. A previous folder whose swap was interrupted before the new
    /// folder arrived is put back first.
    /// </summary>
    public async Task BeginAsync(string startFrom, CancellationToken cancellationToken)
    {
        RecoverInterruptedSwap();
        DeleteTree(StagingPath);
        DeleteFile(StagingRecordPath);
        if (Directory.Exists(startFrom))
        {
            await RuntimeLayerMaterializer.MaterializeAsync(startFrom, StagingPath, RuntimeMaterializeOptions.Default, cancellationToken)
                .ConfigureAwait(false);
        }
        else
        {
            Directory.CreateDirectory(StagingPath);
        }
    }

    /// <summary>
    /// Puts the staged layer in place of the current one and moves its build record next to it. The old record goes
    /// first, so a crash at any point leaves either the old layer with its record, or a layer without a record that
    /// the next build redoes.
    /// </summary>
    public void Commit()
    {
        DeleteFile(FinalRecordPath);
        var previous = FinalPath + PreviousSuffix;
        DeleteTree(previous);
        if (Directory.Exists(FinalPath))
        {
            Directory.Move(FinalPath, previous);
        }

        Directory.Move(StagingPath, FinalPath);
        if (File.Exists(StagingRecordPath))
        {
            File.Move(StagingRecordPath, FinalRecordPath, overwrite: true);
        }

        DeleteTree(previous);
    }

    /// <summary>Drops the staged build; the current layer is untouched.</summary>
    public void Abandon()
    {
        DeleteTree(StagingPath);
        DeleteFile(StagingRecordPath);
    }

    // A crash between the two renames of Commit leaves only '<name>.previous': the last complete layer, without its
    // record (deleted before the swap), so it is put back and the next build decides what to do with it.
    private void RecoverInterruptedSwap()
    {
        var previous = FinalPath + PreviousSuffix;
        if (!Directory.Exists(previous))
        {
            return;
        }

        if (Directory.Exists(FinalPath))
        {
            DeleteTree(previous);
        }
        else
        {
            Directory.Move(previous, FinalPath);
        }
    }

    private static void DeleteTree(string path)
    {
        if (Directory.Exists(path))
        {
            // Links inside point at sibling layers: Directory.Delete removes the links, never their targets.
            Directory.Delete(path, recursive: true);
        }
    }

    private static void DeleteFile(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
