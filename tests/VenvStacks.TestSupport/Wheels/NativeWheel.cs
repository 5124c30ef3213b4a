namespace VenvStacks.TestSupport.Wheels;

/// <summary>One wheel of a <see cref="NativeWheelSet"/>: a real, installable wheel holding machine code.</summary>
/// <param name="Project">The project name.</param>
/// <param name="Version">The version.</param>
/// <param name="Path">The wheel file.</param>
/// <param name="Sha256">Lower-case hex sha256 of the wheel.</param>
/// <param name="ImportName">The top-level package it installs.</param>
/// <param name="NativeFile">The archive path of its compiled file (for example <c>sharedlib_demo/lib/libfoo.so</c>),
/// which is also its path relative to site-packages once installed.</param>
/// <param name="CheckScript">Python code that imports the package, calls into the machine code, asserts the result
/// and prints <c>ok</c>; run it with the installed environment's interpreter.</param>
public sealed record NativeWheel(
    string Project,
    string Version,
    string Path,
    string Sha256,
    string ImportName,
    string NativeFile,
    string CheckScript)
{
    /// <summary>The wheel file name.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The folder, relative to site-packages, holding <see cref="NativeFile"/> (forward slashes).</summary>
    public string NativeFolder => NativeFile[..NativeFile.LastIndexOf('/')];
}
