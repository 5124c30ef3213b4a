using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Specs.Reading;

/// <summary>A value read from the spec together with where it was written.</summary>
internal readonly record struct Located<T>(T Value, SourceLocation Location);
