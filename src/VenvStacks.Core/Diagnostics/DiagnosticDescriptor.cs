namespace VenvStacks.Core.Diagnostics;

/// <summary>A catalogue entry: a stable code and a one-line title (documented in docs/errors.md).</summary>
public sealed record DiagnosticDescriptor(string Code, string Title);
