using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Locking;

/// <summary>A package index the layer uses is a local folder that does not exist (VSTK2108 at the index's <c>url</c>).</summary>
/// <param name="message">The message, naming the folder.</param>
/// <param name="location">Where the index's <c>url</c> is written in the spec.</param>
public sealed class IndexLocationException(string message, SourceLocation? location) : Exception(message)
{
    /// <summary>Where the index's <c>url</c> is written in the spec.</summary>
    public SourceLocation? Location { get; } = location;
}
