using VenvStacks.Packaging.Credentials;

namespace VenvStacks.Packaging.Index;

/// <summary>
/// Index access failed for a reason a user can act on. <see cref="Exception.Message"/> names the URL with any
/// credentials redacted, and never contains a password or token.
/// </summary>
public sealed class PackageIndexException : Exception
{
    /// <summary>Creates an exception with a code; prefer the constructor that names the URL.</summary>
    public PackageIndexException()
        : this(IndexErrorCode.InvalidIndexResponse, "Package index access failed.")
    {
    }

    /// <summary>Creates an exception for <see cref="IndexErrorCode.InvalidIndexResponse"/>.</summary>
    /// <param name="message">The description.</param>
    public PackageIndexException(string message)
        : this(IndexErrorCode.InvalidIndexResponse, message)
    {
    }

    /// <summary>Creates an exception for <see cref="IndexErrorCode.InvalidIndexResponse"/> with a cause.</summary>
    /// <param name="message">The description.</param>
    /// <param name="innerException">The cause.</param>
    public PackageIndexException(string message, Exception? innerException)
        : this(IndexErrorCode.InvalidIndexResponse, message, null, null, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    /// <param name="code">Why access failed.</param>
    /// <param name="message">The description; must already be free of credentials.</param>
    /// <param name="url">The URL concerned, if any (redacted here before it is stored).</param>
    /// <param name="statusCode">The HTTP status, if the failure was an HTTP answer.</param>
    /// <param name="innerException">The cause.</param>
    public PackageIndexException(IndexErrorCode code, string message, Uri? url = null, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Url = url is null ? null : UrlRedactor.Redact(url);
        StatusCode = statusCode;
    }

    /// <summary>Why access failed.</summary>
    public IndexErrorCode Code { get; }

    /// <summary>The URL concerned with credentials replaced by <c>***</c>, or null.</summary>
    public string? Url { get; }

    /// <summary>The HTTP status, when the failure was an HTTP answer.</summary>
    public int? StatusCode { get; }
}
