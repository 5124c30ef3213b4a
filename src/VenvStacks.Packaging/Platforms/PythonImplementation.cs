using System.Globalization;
using System.Text.RegularExpressions;

namespace VenvStacks.Packaging.Platforms;

/// <summary>
/// A runtime's <c>python_implementation</c>: <c>cpython@3.11.13</c> or <c>pypy@3.11.13</c> (pbs-installer syntax;
/// pre-release suffixes such as <c>3.14.0b1</c> are kept).
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

    /// <summary>The implementation as written and as <c>implementation_name</c> reports it: <c>cpython</c> or <c>pypy</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>platform_python_implementation</c> marker value: <c>CPython</c> or <c>PyPy</c>.</summary>
    public string PlatformPythonImplementation { get; }

    /// <summary>The full version as written, e.g. <c>3.11.13</c> (the <c>python_full_version</c> marker).</summary>
    public string Version { get; }

    /// <summary>The major version.</summary>
    public int Major { get; }

    /// <summary>The minor version.</summary>
    public int Minor { get; }

    /// <summary><c>X.Y</c>, the <c>python_version</c> marker.</summary>
    public string MajorMinor => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>Parses <c>implementation@version</c>.</summary>
    /// <exception cref="PackagingFormatException">The text is not of that form, or names another implementation.</exception>
    public static PythonImplementation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            throw new PackagingFormatException(
                $"Python implementation must be of the form 'cpython@X.Y.Z' or 'pypy@X.Y.Z', not '{text}'", text, 0, text.Length);
        }

        var name = text[..at];
        var platformName = name switch
        {
            "cpython" => "CPython",
            "pypy" => "PyPy",
            _ => throw new PackagingFormatException(
                $"Python implementation must be 'cpython' or 'pypy', not '{name}'", text, 0, at),
        };
        var version = text[(at + 1)..];
        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            throw new PackagingFormatException(
                $"Python version must be of the form 'X.Y.Z' (optionally with a pre-release suffix such as 'b1'), not '{version}'",
                text,
                at + 1,
                version.Length);
        }

        return new PythonImplementation(
            name,
            platformName,
            version,
            int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}@{Version}";

    [GeneratedRegex(@"^(?<major>[0-9]+)\.(?<minor>[0-9]+)(\.[0-9]+)?((a|b|rc)[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
