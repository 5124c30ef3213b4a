namespace VenvStacks.Core.Building;

/// <summary>One step of a build worth showing: a layer started or finished, a runtime downloaded or reused.</summary>
/// <param name="Layer">The layer's build name, or null for stack-wide messages.</param>
/// <param name="Message">The line to show.</param>
/// <param name="Detail">Whether the line only belongs in a detailed log (per-package progress, say).</param>
public sealed record BuildProgress(string? Layer, string Message, bool Detail = false);
