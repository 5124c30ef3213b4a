using System.Globalization;

namespace VenvStacks.Core.Runtimes;

/// <summary>One step of obtaining a runtime, for a build log (the MSBuild task prints <see cref="Message"/>).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Archive">The runtime's table entry.</param>
/// <param name="Location">The URL (credential-free) or path concerned: the archive's source, or the cache folder.</param>
/// <param name="Bytes">The archive's size, when known.</param>
/// <param name="Elapsed">How long the step took, for finished steps.</param>
public sealed record RuntimeProgress(RuntimeProgressKind Kind, RuntimeArchive Archive, string Location, long? Bytes = null, TimeSpan? Elapsed = null)
{
    /// <summary>One line for a log.</summary>
    public string Message => Kind switch
    {
        RuntimeProgressKind.Reused => $"Using {Archive.Description} from the runtime cache {Location}",
        RuntimeProgressKind.WaitingForLock => $"Waiting for another build to prepare {Archive.Description} in {Location}",
        RuntimeProgressKind.DownloadStarted => $"Downloading {Archive.Description} from {Location}{(Bytes is { } size ? $" ({Megabytes(size)})" : string.Empty)}",
        RuntimeProgressKind.Downloaded => $"Downloaded {Archive.Description}: {Megabytes(Bytes ?? 0)} in {Seconds()}",
        RuntimeProgressKind.ArchiveVerified => $"Verified {Archive.Description} archive {Location} ({Megabytes(Bytes ?? 0)}) in {Seconds()}",
        RuntimeProgressKind.Extracting => $"Extracting {Archive.Description} into {Location}",
        _ => $"Extracted {Archive.Description} into {Location} in {Seconds()}",
    };

    private string Seconds() => string.Create(CultureInfo.InvariantCulture, $"{(Elapsed ?? TimeSpan.Zero).TotalSeconds:0.0} s");

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:0.0} MB");
}
