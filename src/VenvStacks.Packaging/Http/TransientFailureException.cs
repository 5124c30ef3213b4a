namespace VenvStacks.Packaging.Http;

/// <summary>An attempt failed in a way worth retrying (raised and caught inside <see cref="HttpFetcher"/> only).</summary>
internal sealed class TransientFailureException : Exception
{
    public TransientFailureException()
    {
    }

    public TransientFailureException(string message)
        : base(message)
    {
    }

    public TransientFailureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public TransientFailureException(string message, int? statusCode, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status, when the failure was an answer (429, 5xx).</summary>
    public int? StatusCode { get; }

    /// <summary>The server's <c>Retry-After</c>, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
