namespace VenvStacks.Packaging.Installation;

/// <summary>What <see cref="WheelInstaller"/> installed.</summary>
/// <param name="Distribution">The installed distribution (its <c>.dist-info</c> folder with the new RECORD).</param>
/// <param name="Files">The full paths of every file written, including INSTALLER, REQUESTED and RECORD.</param>
/// <param name="BytesWritten">The total size of the files written.</param>
/// <param name="Warnings">Things worth telling a user that did not stop the installation (e.g. a newer minor
/// <c>Wheel-Version</c>).</param>
public sealed record WheelInstallResult(
    InstalledDistribution Distribution,
    IReadOnlyList<string> Files,
    long BytesWritten,
    IReadOnlyList<string> Warnings);
