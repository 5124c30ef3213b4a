namespace VenvStacks.Core.Specs.Tooling;

/// <summary>The <c>exclude-newer</c> cut-off: files uploaded after it are ignored, and lock times are clamped to it.</summary>
/// <param name="Cutoff">The instant, in UTC.</param>
/// <param name="Text">The value as written (for messages and generated config).</param>
/// <param name="FromEnvironment">Whether it came from <c>UV_EXCLUDE_NEWER</c> rather than the spec.</param>
public sealed record ExcludeNewer(DateTimeOffset Cutoff, string Text, bool FromEnvironment);
