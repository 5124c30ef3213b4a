namespace VenvStacks.Packaging.Text;

/// <summary>
/// Checks TOML text (stack specs, <c>venvstacks.uv.toml</c>, <c>pylock.toml</c>) for what would crash or overflow
/// the parser and the code that walks its tree, <em>before</em> they see it: nesting deeper than
/// <see cref="MaxDepth"/>, UTF-16 text that is not Unicode (a lone surrogate), and a backslash before a character
/// beyond U+FFFF in a quoted string or key (Tomlyn throws while describing such an escape). Tomlyn refuses deep arrays and inline tables only with an exception that has no position,
/// and accepts headers and dotted keys of any depth, which the code building trees from them then recurses through;
/// so the text is checked first, in iterative passes, and the first problem is reported with its offset.
/// </summary>
/// <remarks>
/// Levels are counted as written: each segment of a table header (<c>[a.b.c]</c> is 3), one more for an array of
/// tables (<c>[[a.b]]</c> is 3: the array and its element), each table a dotted key opens (<c>a.b.c = 1</c> opens 2
/// below its table), and each array or inline table a value opens. A value at the limit is accepted; a token that
/// opens level <see cref="MaxDepth"/> + 1 is reported. Strings, comments and quoted keys do not count. The check
/// tolerates invalid TOML (it never throws and never reports what is not too deep); the parser reports the rest.
/// </remarks>
public static class TomlTextGuard
{
    /// <summary>The deepest nesting accepted: 64 levels, as System.Text.Json and Tomlyn allow by default.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// A parser nesting limit that is safe to hand to Tomlyn once <see cref="FindFirstProblem"/> has passed: an array
    /// of tables inside an array of tables adds a level the written count cannot see, so real trees reach at most
    /// twice <see cref="MaxDepth"/>, plus the root.
    /// </summary>
    public const int ParserMaxDepth = (2 * MaxDepth) + 2;

    /// <summary>The first problem in <paramref name="text"/> that must stop it before parsing, or null.</summary>
    /// <param name="text">TOML text, valid or not.</param>
    /// <returns>The offset of the offending character, key segment, bracket or brace, and what is wrong there.</returns>
    public static TomlTextProblem? FindFirstProblem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (FindLoneSurrogate(text) is { } surrogate)
        {
            return new TomlTextProblem(surrogate, $"the text is not Unicode: U+{(int)text[surrogate]:X4} is half of a surrogate pair");
        }

        return new TomlNestingScanner(text).Run();
    }

    private static int? FindLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }
}
