using System.Security.Cryptography;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Publishing;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>Reading what a publish produced.</summary>
internal static class PublishedArchives
{
    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public static LayerPublication Layer(this PublishResult result, string buildName) =>
        result.Layers.Single(l => l.BuildName == buildName);

    public static async Task<IReadOnlyList<ArchiveEntryInfo>> EntriesAsync(string archivePath) =>
        await ArchiveReader.ListAsync(archivePath, null, CancellationToken.None);

    /// <summary>Stored names without the trailing '/' of directories.</summary>
    public static IEnumerable<string> Names(this IEnumerable<ArchiveEntryInfo> entries) => entries.Select(e => e.Name.TrimEnd('/'));

    /// <summary>The install target a layer's metadata names.</summary>
    public static string InstallTarget(this LayerPublication layer) =>
        System.Text.Json.Nodes.JsonNode.Parse(layer.MetadataJson)!["install_target"]!.GetValue<string>();

    /// <summary>Extracts every layer of a publish side by side into <paramref name="deployment"/>, links allowed
    /// anywhere inside it (layered layers link to <c>../../&lt;runtime&gt;</c>).</summary>
    public static async Task DeployAsync(PublishResult result, string deployment)
    {
        foreach (var layer in result.Layers)
        {
            var options = new ArchiveExtractOptions { StripComponents = 1, LinkBoundary = deployment };
            await SafeArchiveExtractor.ExtractAsync(layer.ArchivePath, Path.Combine(deployment, layer.InstallTarget()), options, CancellationToken.None);
        }
    }
}
