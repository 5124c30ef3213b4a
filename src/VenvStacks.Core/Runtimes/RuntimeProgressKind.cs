namespace VenvStacks.Core.Runtimes;

/// <summary>What a <see cref="RuntimeProgress"/> reports.</summary>
public enum RuntimeProgressKind
{
    /// <summary>The runtime was already extracted in the cache; nothing else happens.</summary>
    Reused,

    /// <summary>Another build holds the cache entry's lock; this one waits for it.</summary>
    WaitingForLock,

    /// <summary>An HTTP download started; <see cref="RuntimeProgress.Bytes"/> is the announced size, if any.</summary>
    DownloadStarted,

    /// <summary>The download finished and matched its sha256.</summary>
    Downloaded,

    /// <summary>A local archive (mirror folder, file URL) or one already in the download cache matched its sha256.</summary>
    ArchiveVerified,

    /// <summary>Extraction into the cache starts.</summary>
    Extracting,

    /// <summary>The archive was extracted into the cache and pip, setuptools and wheel were removed.</summary>
    Extracted,
}
