namespace VenvStacks.Packaging.Pep508;

/// <summary>One side of a marker comparison: an environment variable (by its canonical name) or a quoted value.</summary>
internal sealed record MarkerOperand(bool IsVariable, string Text)
{
    /// <summary>Asks <see cref="Serialize"/> for an unambiguous, backslash-escaped form that always succeeds (for equality only).</summary>
    public const char EscapedQuote = '\0';

    /// <summary>
    /// The operand as marker text: a variable's name, or the value quoted with the preferred quote character when
    /// the value does not contain it, else with the other one. Null when the value contains both.
    /// </summary>
    public string? Serialize(char preferredQuote)
    {
        if (IsVariable)
        {
            return Text;
        }

        if (preferredQuote == EscapedQuote)
        {
            return "\"" + Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        var otherQuote = preferredQuote == '"' ? '\'' : '"';
        if (!Text.Contains(preferredQuote, StringComparison.Ordinal))
        {
            return preferredQuote + Text + preferredQuote;
        }

        return Text.Contains(otherQuote, StringComparison.Ordinal) ? null : otherQuote + Text + otherQuote;
    }
}
