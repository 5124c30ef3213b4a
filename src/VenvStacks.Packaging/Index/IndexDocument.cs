namespace VenvStacks.Packaging.Index;

/// <summary>A document read with <see cref="IndexClient.GetDocumentAsync"/>.</summary>
/// <param name="Url">The credential-free URL that was asked for.</param>
/// <param name="FinalUrl">The credential-free URL after redirects: the base for relative references in the body.</param>
/// <param name="ContentType">The response's media type, if it gave one.</param>
/// <param name="Body">The response body.</param>
public sealed record IndexDocument(Uri Url, Uri FinalUrl, string? ContentType, ReadOnlyMemory<byte> Body);
