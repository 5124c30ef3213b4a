using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Specs;

/// <summary>The outcome of loading a spec: the spec when it is valid, and every diagnostic found.</summary>
public sealed record StackSpecLoadResult(StackSpec? Spec, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error (then <see cref="Spec"/> is null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
