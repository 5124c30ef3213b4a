using System.Globalization;

namespace VenvStacks.Packaging.Pep425;

/// <summary>
/// The tag orderings packaging produces for an interpreter (<c>cpython_tags</c>, <c>generic_tags</c> and
/// <c>compatible_tags</c>), computed for an explicit target instead of the running interpreter.
/// </summary>
internal static class TagSequences
{
    // PEP 384: the stable ABI exists from Python 3.2 on.
    private static readonly (int Major, int Minor) StableAbiIntroduced = (3, 2);

    /// <summary>packaging's <c>cpython_tags(python_version, abis, platforms)</c>.</summary>
    public static IEnumerable<Tag> CPython(int major, int minor, IReadOnlyList<string> abis, IReadOnlyList<string> platforms)
    {
        var interpreter = Interpreter("cp", major, minor);
        var threaded = IsFreeThreaded(abis);
        var specificAbis = abis.ToList();

        // The stable ABIs and "none" get their own positions in the order, wherever the caller listed them.
        specificAbis.Remove("abi3");
        if (threaded)
        {
            specificAbis.Remove("abi3t");
        }

        specificAbis.Remove("none");

        foreach (var abi in specificAbis)
        {
            foreach (var platform in platforms)
            {
                yield return new Tag(interpreter, abi, platform);
            }
        }

        var stableAbiApplies = (major, minor).CompareTo(StableAbiIntroduced) >= 0;
        var stableAbi = threaded ? "abi3t" : "abi3";
        if (stableAbiApplies)
        {
            foreach (var platform in platforms)
            {
                yield return new Tag(interpreter, stableAbi, platform);
            }
        }

        foreach (var platform in platforms)
        {
            yield return new Tag(interpreter, "none", platform);
        }

        if (stableAbiApplies)
        {
            // Extensions built against an older stable ABI keep working; abi3 began with 3.2.
            for (var olderMinor = minor - 1; olderMinor > 1; olderMinor--)
            {
                var olderInterpreter = Interpreter("cp", major, olderMinor);
                foreach (var platform in platforms)
                {
                    yield return new Tag(olderInterpreter, stableAbi, platform);
                }
            }
        }
    }

    /// <summary>packaging's <c>generic_tags(interpreter, abis, platforms)</c>: <c>none</c> is appended if missing.</summary>
    public static IEnumerable<Tag> Generic(string interpreter, IReadOnlyList<string> abis, IReadOnlyList<string> platforms)
    {
        var allAbis = abis.Contains("none", StringComparer.Ordinal) ? abis : [.. abis, "none"];
        foreach (var abi in allAbis)
        {
            foreach (var platform in platforms)
            {
                yield return new Tag(interpreter, abi, platform);
            }
        }
    }

    /// <summary>packaging's <c>compatible_tags(python_version, interpreter, platforms)</c>.</summary>
    public static IEnumerable<Tag> Compatible(int major, int minor, string? interpreter, IReadOnlyList<string> platforms)
    {
        foreach (var version in PythonInterpreterRange(major, minor))
        {
            foreach (var platform in platforms)
            {
                yield return new Tag(version, "none", platform);
            }
        }

        if (!string.IsNullOrEmpty(interpreter))
        {
            yield return new Tag(interpreter, "none", "any");
        }

        foreach (var version in PythonInterpreterRange(major, minor))
        {
            yield return new Tag(version, "none", "any");
        }
    }

    /// <summary><c>cp311</c>, <c>pp310</c>: the short implementation name followed by the version without a dot.</summary>
    public static string Interpreter(string prefix, int major, int minor) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{major}{minor}");

    // py311, py3, then py310 down to py30.
    private static IEnumerable<string> PythonInterpreterRange(int major, int minor)
    {
        yield return Interpreter("py", major, minor);
        yield return string.Create(CultureInfo.InvariantCulture, $"py{major}");
        for (var older = minor - 1; older >= 0; older--)
        {
            yield return Interpreter("py", major, older);
        }
    }

    // A free-threaded CPython ABI carries a "t" flag after the version: cp313t, cp313td.
    private static bool IsFreeThreaded(IReadOnlyList<string> abis)
    {
        if (abis.Count == 0 || !abis[0].StartsWith("cp", StringComparison.Ordinal))
        {
            return false;
        }

        var flags = abis[0].AsSpan(2);
        var digits = 0;
        while (digits < flags.Length && char.IsAsciiDigit(flags[digits]))
        {
            digits++;
        }

        return digits > 0 && flags[digits..].Contains('t');
    }
}
