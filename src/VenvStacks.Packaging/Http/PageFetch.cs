using VenvStacks.Packaging.Caching;

namespace VenvStacks.Packaging.Http;

/// <summary>The outcome of a (possibly conditional) page request.</summary>
internal enum PageFetchOutcome
{
    /// <summary>A fresh body arrived (<see cref="PageFetch.Page"/> holds it).</summary>
    Fetched,

    /// <summary><c>304 Not Modified</c>: the cached copy is current.</summary>
    NotModified,

    /// <summary>The index does not have the page (404, or a status the index is known to use for that).</summary>
    NotFound,
}

/// <summary>A page request's result.</summary>
internal sealed record PageFetch(PageFetchOutcome Outcome, CachedPage? Page, int Status);
