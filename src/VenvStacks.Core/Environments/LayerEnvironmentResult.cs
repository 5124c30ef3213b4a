using System.Collections.Immutable;

namespace VenvStacks.Core.Environments;

/// <summary>What finishing a layer's environment changed (absolute paths), for logs and tests.</summary>
/// <param name="DynlibLinks">The links in <c>share/venv/dynlib</c> (POSIX).</param>
/// <param name="ModuleCopies">The copied launch and support modules.</param>
/// <param name="RemovedScripts">What was pruned from the scripts folder.</param>
/// <param name="RewrittenRecords">The RECORD files rewritten without the pruned files.</param>
/// <param name="RelativizedLinks">Absolute links inside the build folder made relative.</param>
/// <param name="ReplacedLinks">Links to outside the build folder replaced by hard links or copies.</param>
public sealed record LayerEnvironmentResult(
    ImmutableArray<string> DynlibLinks,
    ImmutableArray<string> ModuleCopies,
    ImmutableArray<string> RemovedScripts,
    ImmutableArray<string> RewrittenRecords,
    ImmutableArray<string> RelativizedLinks,
    ImmutableArray<string> ReplacedLinks);
