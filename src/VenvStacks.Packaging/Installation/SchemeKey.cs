namespace VenvStacks.Packaging.Installation;

/// <summary>The install scheme keys a wheel's <c>.data</c> subfolders name (PEP 427), as in Python's <c>sysconfig</c>.</summary>
public enum SchemeKey
{
    /// <summary>Pure-Python modules (<c>site-packages</c>).</summary>
    Purelib,

    /// <summary>Platform-specific modules (<c>site-packages</c> in a virtual environment too).</summary>
    Platlib,

    /// <summary>Executable scripts (<c>bin</c>, or <c>Scripts</c> on Windows).</summary>
    Scripts,

    /// <summary>C headers, one subfolder per project.</summary>
    Headers,

    /// <summary>Data files, relative to the environment root.</summary>
    Data,
}
