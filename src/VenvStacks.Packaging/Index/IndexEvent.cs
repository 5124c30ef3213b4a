namespace VenvStacks.Packaging.Index;

/// <summary>Progress and diagnostics from the index client, for logging. Never carries credentials.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Url">The URL concerned, redacted.</param>
/// <param name="Detail">Extra words: sizes, the failure being retried, the delay.</param>
public sealed record IndexEvent(IndexEventKind Kind, string Url, string? Detail = null);
