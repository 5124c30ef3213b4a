namespace VenvStacks.Sdk.Tests.Sdk;

/// <summary>Checks on console output that do not depend on how the console logger indents multi-line messages.</summary>
internal static class ConsoleText
{
    /// <summary>True when the lines of <paramref name="expected"/> appear as consecutive lines of <paramref name="output"/>, each compared without surrounding whitespace.</summary>
    public static bool ContainsLines(string output, string expected)
    {
        var haystack = Lines(output);
        var needle = Lines(expected);
        for (var start = 0; start + needle.Length <= haystack.Length; start++)
        {
            if (needle.Select((line, i) => haystack[start + i] == line).All(matches => matches))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lines that look like a .NET stack frame ("   at Namespace.Type.Method(...)").</summary>
    public static IEnumerable<string> StackFrames(string output) =>
        output.Split('\n').Where(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.Contains('(', StringComparison.Ordinal) && line.Contains('.', StringComparison.Ordinal));

    private static string[] Lines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n').Select(line => line.Trim())];
}
