namespace VenvStacks.Packaging.VenvstacksTargets;

/// <summary>The operating-system family of a <see cref="TargetPlatform"/>.</summary>
public enum TargetOperatingSystem
{
    /// <summary>Linux with glibc (manylinux wheels).</summary>
    Linux,

    /// <summary>macOS (macosx wheels).</summary>
    MacOS,

    /// <summary>Windows (win wheels).</summary>
    Windows,
}
