using VenvStacks.Core.Deployment;

namespace VenvStacks.Core.Export;

/// <summary>
/// Exports a built stack into an output folder as runnable layers, venvstacks' <c>local-export</c>
/// (docs/venvstacks-reference.md §5), for <c>dotnet build</c>:
/// <list type="bullet">
/// <item>each enabled layer (or the selected ones and the layers below them), lower layers first, goes to
/// <c>&lt;output&gt;/&lt;install target&gt;/</c>: the build folder copied with hard links where possible
/// (<see cref="DeployedTreeFilter"/> leaves out build-only files), the POSIX <c>bin/python</c> wrapper and links
/// rewritten with deployed names, <c>postinstall.py</c> added, all in a hidden sibling folder renamed into place; then
/// post-install runs there with the layer's exported runtime Python when the layer is built for this machine;</item>
/// <item><c>__venvstacks__/venvstacks.json</c> and <c>env_metadata/&lt;layer&gt;.json</c> carry venvstacks' export
/// metadata; a layer's file is written last, so a layer without one was not completely exported;</item>
/// <item>a layer is left alone when its metadata, its whole <c>.last-build.json</c> and the post-install script are
/// what the previous export recorded and its folder is there (compared like with like, unlike venvstacks, §9 item 8);
/// when only the place changed (the output folder moved) post-install runs again;</item>
/// <item>layers no longer in the stack lose their folder and metadata, and a layer whose deployed name changed loses
/// its old folder; only folders the export metadata names are ever deleted.</item>
/// </list>
/// Exported files share their bytes with the build's: nothing here or in <c>postinstall.py</c> writes through a file,
/// every write replaces it, so the build tree never changes.
/// </summary>
public static class StackExporter
{
    /// <summary>Exports as <paramref name="request"/> says.</summary>
    /// <param name="request">The stack, build, locks, output and post-install policy.</param>
    /// <param name="progress">Reports copying progress per layer.</param>
    /// <param name="cancellationToken">Stops between files; a layer interrupted half way is redone next time.</param>
    /// <returns>What happened to each layer, and the coded errors (VSTK4020–VSTK4030) of layers that failed.</returns>
    public static Task<ExportResult> ExportAsync(ExportRequest request, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ExportSession(request, progress).RunAsync(cancellationToken);
    }
}
