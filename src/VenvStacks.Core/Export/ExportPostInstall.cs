namespace VenvStacks.Core.Export;

/// <summary>
/// Whether and with which Python export runs each exported layer's <c>postinstall.py</c>. It only ever runs for layers
/// built for this machine's platform (the script writes paths in the target's form); other layers are exported
/// without it and the outcome says so.
/// </summary>
/// <param name="Run">Whether post-install runs at all.</param>
/// <param name="Interpreter">A Python (3.11 or later) to run it with; null means the layer's runtime as exported.</param>
public sealed record ExportPostInstall(bool Run, string? Interpreter)
{
    /// <summary>Never run it (the exported layers are not usable until someone does).</summary>
    public static ExportPostInstall Skip { get; } = new(false, null);

    /// <summary>Run it with the layer's exported runtime Python (the default).</summary>
    public static ExportPostInstall WithRuntimePython { get; } = new(true, null);

    /// <summary>Run it with <paramref name="python"/>.</summary>
    public static ExportPostInstall WithInterpreter(string python)
    {
        ArgumentException.ThrowIfNullOrEmpty(python);
        return new(true, python);
    }
}
