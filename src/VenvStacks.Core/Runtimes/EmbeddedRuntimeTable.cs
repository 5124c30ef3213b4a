using System.Text.Json;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// The pinned python-build-standalone table shipped inside this assembly: <c>python-build-standalone.json</c>, taken
/// from pbs-installer as its README beside the file records. Pinning it is what makes runtime layers reproducible
/// (docs/venvstacks-reference.md §3.2).
/// </summary>
public static class EmbeddedRuntimeTable
{
    /// <summary>The manifest resource name (set in VenvStacks.Core.csproj).</summary>
    public const string ResourceName = "VenvStacks.Core.Runtimes.python-build-standalone.json";

    // Read once: the resource never changes while the process runs, so the parsed table is as constant as the bytes.
    private static readonly Lazy<RuntimeDownloadTable> Parsed = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The parsed table.</summary>
    public static RuntimeDownloadTable Table => Parsed.Value;

    /// <summary>The resource's bytes, exactly as in the repository.</summary>
    public static byte[] ReadBytes()
    {
        using var stream = typeof(EmbeddedRuntimeTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(EmbeddedRuntimeTable).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static RuntimeDownloadTable Load()
    {
        var bytes = ReadBytes();
        return RuntimeDownloadTableReader.Parse(bytes, Describe(bytes), baseUri: null, file: null);
    }

    // "the embedded runtime table (frostming/pbs-installer 2026.08.07)": which pin answered is what a user needs to know.
    private static string Describe(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var source = document.RootElement.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        string? Text(string name) =>
            source.ValueKind == JsonValueKind.Object && source.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return Text("project") is { } project && Text("version") is { } version
            ? $"the embedded runtime table ({project} {version})"
            : "the embedded runtime table";
    }
}
