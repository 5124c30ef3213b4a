namespace VenvStacks.Packaging.Index;

/// <summary>What an <see cref="IndexEvent"/> reports.</summary>
public enum IndexEventKind
{
    /// <summary>A page was downloaded.</summary>
    PageDownloaded,

    /// <summary>A cached page was revalidated (<c>304 Not Modified</c>).</summary>
    PageNotModified,

    /// <summary>A cached page was used without asking the server (offline mode).</summary>
    PageFromCache,

    /// <summary>A distribution or metadata file was downloaded and verified.</summary>
    FileDownloaded,

    /// <summary>A distribution or metadata file was found in the content-addressed cache.</summary>
    FileFromCache,

    /// <summary>A transient failure; the request will be retried.</summary>
    Retrying,
}
