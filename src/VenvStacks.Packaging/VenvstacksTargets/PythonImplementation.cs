using System.Globalization;
using System.Text.RegularExpressions;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.VenvstacksTargets;

/// <summary>
/// A runtime layer's <c>python_implementation</c>: <c>cpython@3.13.7</c> or <c>pypy@3.11.13</c> (pbs-installer
/// syntax; pre-release suffixes such as <c>3.14.0b1</c> are kept).
/// </summary>
public sealed partial record PythonImplementation
{
    private PythonImplementation(string name, string platformPythonImplementation, string version, int major, int minor)
    {
        Name = name;
        PlatformPythonImplementation = platformPythonImplementation;
        Version = version;
        Major = major;
        Minor = minor;
    }

    /// <summary>The implementation as written and as the <c>implementation_name</c> marker reports it: <c>cpython</c> or <c>pypy</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>platform_python_implementation</c> marker value: <c>CPython</c> or <c>PyPy</c>.</summary>
    public string PlatformPythonImplementation { get; }

    /// <summary>The full version as written, e.g. <c>3.14.0b1</c> (the <c>python_full_version</c> marker).</summary>
    public string Version { get; }

    /// <summary>The Python major version.</summary>
    public int Major { get; }

    /// <summary>The Python minor version.</summary>
    public int Minor { get; }

    /// <summary><c>X.Y</c>, the <c>python_version</c> marker.</summary>
    public string MajorMinor => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>Whether this is CPython (otherwise PyPy).</summary>
    public bool IsCPython => Name == "cpython";

    /// <summary>
    /// Parses <c>implementation@X.Y.Z</c>, optionally with a pre-release suffix (<c>a1</c>, <c>b1</c>, <c>rc1</c>). The
    /// implementation is <c>cpython</c> or <c>pypy</c>, in lower case as pbs-installer expects.
    /// </summary>
    /// <param name="text">The <c>python_implementation</c> value.</param>
    /// <returns>The implementation.</returns>
    /// <exception cref="PackagingFormatException">The text is not of that form, or names another implementation.</exception>
    public static PythonImplementation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            throw new PackagingFormatException(
                $"Python implementation must be of the form 'cpython@X.Y.Z' or 'pypy@X.Y.Z', not {PythonText.Repr(text)}", text, 0, text.Length);
        }

        var name = text[..at];
        var platformPythonImplementation = name switch
        {
            "cpython" => "CPython",
            "pypy" => "PyPy",
            _ => throw new PackagingFormatException(
                $"Python implementation must be one of ['cpython', 'pypy'], not {PythonText.Repr(name)}", text, 0, at),
        };

        // A runtime is one exact release (it names the archive to download), so the micro version is required.
        var version = text[(at + 1)..];
        var match = VersionPattern().Match(version);
        if (!match.Success
            || !int.TryParse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            throw new PackagingFormatException(
                $"Python version must be of the form 'X.Y.Z' (optionally with a pre-release suffix such as 'b1'), not {PythonText.Repr(version)}",
                text,
                at + 1,
                version.Length);
        }

        return new PythonImplementation(name, platformPythonImplementation, version, major, minor);
    }

    /// <summary>The value in <c>venvstacks.toml</c> syntax, e.g. <c>cpython@3.13.7</c>.</summary>
    /// <returns>The spec form.</returns>
    public override string ToString() => $"{Name}@{Version}";

    [GeneratedRegex(@"^(?<major>[0-9]+)\.(?<minor>[0-9]+)\.[0-9]+((a|b|rc)[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
