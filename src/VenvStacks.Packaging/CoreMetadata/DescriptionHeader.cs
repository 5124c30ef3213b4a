namespace VenvStacks.Packaging.CoreMetadata;

/// <summary>
/// Undoes the folding that old build tools applied when they put the long description into a <c>Description</c>
/// header instead of the body: setuptools prefixes every continuation line with seven spaces and a <c>|</c> (so empty
/// lines survive); distutils and others indent continuation lines with plain whitespace (usually eight spaces).
/// </summary>
internal static class DescriptionHeader
{
    private const string PipePrefix = "       |";

    /// <summary>The description text carried by a folded <c>Description</c> header value.</summary>
    public static string Unfold(string headerValue)
    {
        var lines = headerValue.Split('\n');
        if (lines.Length == 1)
        {
            return headerValue;
        }

        var continuation = lines.AsSpan(1);
        if (AllStartWithPipePrefix(continuation))
        {
            for (var i = 0; i < continuation.Length; i++)
            {
                continuation[i] = continuation[i][PipePrefix.Length..];
            }
        }
        else
        {
            Dedent(continuation);
        }

        return string.Join('\n', lines);
    }

    private static bool AllStartWithPipePrefix(ReadOnlySpan<string> lines)
    {
        foreach (var line in lines)
        {
            if (!line.StartsWith(PipePrefix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Same rule as Python's textwrap.dedent: remove the longest whitespace prefix common to all non-blank lines and
    // turn whitespace-only lines into empty lines.
    private static void Dedent(Span<string> lines)
    {
        string? common = null;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var indent = line[..(line.Length - line.AsSpan().TrimStart(" \t").Length)];
            common = common is null ? indent : CommonPrefix(common, indent);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = string.IsNullOrWhiteSpace(lines[i]) ? string.Empty : lines[i][(common?.Length ?? 0)..];
        }
    }

    private static string CommonPrefix(string left, string right)
    {
        var length = 0;
        while (length < left.Length && length < right.Length && left[length] == right[length])
        {
            length++;
        }

        return left[..length];
    }
}
