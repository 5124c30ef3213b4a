namespace VenvStacks.Packaging.Installation;

/// <summary>How <see cref="WheelInstaller"/> installs one wheel.</summary>
public sealed record WheelInstallOptions
{
    /// <summary>The name written to <c>.dist-info/INSTALLER</c> (e.g. <c>venvstacks-sdk</c>; pip writes <c>pip</c>).</summary>
    public required string InstallerName { get; init; }

    /// <summary>Whether to write <c>.dist-info/REQUESTED</c> (PEP 376: the user asked for this distribution, rather
    /// than it being installed as a dependency).</summary>
    public bool Requested { get; init; }

    /// <summary>The expected sha256 of the whole wheel file (lower- or upper-case hex), e.g. from a lock; null skips the check.</summary>
    public string? ExpectedSha256 { get; init; }

    /// <summary>The wheel's file name when the path does not end with it (e.g. a content-addressed cache file);
    /// null uses the path's file name.</summary>
    public string? FileName { get; init; }

    /// <summary>The complete first line (e.g. <c>#!/opt/app/bin/python</c>) that replaces a <c>#!python</c> line in
    /// <c>.data/scripts</c> files; null leaves scripts unchanged.</summary>
    public string? ScriptShebang { get; init; }

    /// <summary>The line that replaces <c>#!pythonw</c> (GUI scripts); null uses <see cref="ScriptShebang"/>.</summary>
    public string? GuiScriptShebang { get; init; }
}
