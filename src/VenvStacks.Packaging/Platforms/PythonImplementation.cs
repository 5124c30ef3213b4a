using System.Globalization;
using VenvStacks.Packaging.Pep440;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Platforms;

/// <summary>
/// A runtime layer's Python implementation and exact version, written <c>cpython@3.13.7</c> or <c>pypy@3.11.13</c>
/// in <c>venvstacks.toml</c> (pbs-installer syntax).
/// </summary>
public sealed record PythonImplementation
{
    // Python major/minor numbers are turned into tag text such as cp311; anything longer is a typo, not a Python.
    private const int MaxVersionNumber = 9999;

    private PythonImplementation(string name, string fullVersion, Version version)
    {
        Name = name;
        FullVersion = fullVersion;
        Version = version;
    }

    /// <summary>The implementation as <c>platform.python_implementation()</c> reports it: <c>CPython</c> or <c>PyPy</c>.</summary>
    public string Name { get; }

    /// <summary>The implementation as <c>sys.implementation.name</c> reports it: <c>cpython</c> or <c>pypy</c>.</summary>
    public string ImplementationName => Name.ToLowerInvariant();

    /// <summary>The Python version exactly as declared (pre-release suffixes kept), e.g. <c>3.14.0b1</c>.</summary>
    public string FullVersion { get; }

    /// <summary>The declared version, parsed.</summary>
    public Version Version { get; }

    /// <summary>The <c>python_version</c> marker value, <c>X.Y</c>.</summary>
    public string PythonVersion => string.Create(CultureInfo.InvariantCulture, $"{Version.Major}.{Version.Minor}");

    /// <summary>Whether this is CPython.</summary>
    public bool IsCPython => Name == "CPython";

    /// <summary>
    /// Parses <c>implementation@X.Y.Z</c>. The implementation is <c>cpython</c> or <c>pypy</c> (as written, lower
    /// case); the version must be a PEP 440 version with exactly three release numbers, a pre-release allowed.
    /// </summary>
    /// <param name="value">The <c>python_implementation</c> value.</param>
    /// <returns>The implementation.</returns>
    /// <exception cref="PackagingFormatException">The implementation or the version is not acceptable.</exception>
    public static PythonImplementation Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var implementation = at < 0 ? value : value[..at];
        var name = implementation switch
        {
            "cpython" => "CPython",
            "pypy" => "PyPy",
            _ => null,
        };
        if (name is null)
        {
            throw new PackagingFormatException(
                $"Python implementation must be one of ['cpython', 'pypy'], not {PythonText.Repr(implementation)}", value, 0, implementation.Length);
        }

        var fullVersion = at < 0 ? string.Empty : value[(at + 1)..];
        if (!Version.TryParse(fullVersion, out var version)
            || version.Release.Length != 3
            || version.Major > MaxVersionNumber
            || version.Minor > MaxVersionNumber
            || version.Epoch != 0
            || version.Post is not null
            || version.Dev is not null
            || version.Local is not null
            || fullVersion.Trim().Length != fullVersion.Length)
        {
            throw new PackagingFormatException(
                $"Python version must be of the form 'X.Y.Z' (optionally with a pre-release), not {PythonText.Repr(fullVersion)}",
                value, at < 0 ? value.Length : at + 1, fullVersion.Length);
        }

        return new PythonImplementation(name, fullVersion, version);
    }

    /// <summary>The value in <c>venvstacks.toml</c> syntax, e.g. <c>cpython@3.13.7</c>.</summary>
    /// <returns>The spec form.</returns>
    public override string ToString() => ImplementationName + "@" + FullVersion;
}
