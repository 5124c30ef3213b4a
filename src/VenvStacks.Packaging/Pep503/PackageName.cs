using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep503;

/// <summary>Project (distribution) names: PEP 503 normalisation and the PEP 508 validity rule.</summary>
public static class PackageName
{
    /// <summary>
    /// The PEP 503 normalised form: lower-cased (with Python's <c>str.lower()</c>), every run of <c>-</c>, <c>_</c>
    /// and <c>.</c> replaced by a single <c>-</c>. Like pypa/packaging's <c>canonicalize_name</c> it does not validate.
    /// </summary>
    /// <param name="name">A project or extra name, for example <c>Foo.Bar_baz</c>.</param>
    /// <returns>The normalised name, for example <c>foo-bar-baz</c>.</returns>
    public static string Canonicalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsNormalized(name))
        {
            return name;
        }

        var lower = PythonText.ToLower(name);
        var buffer = lower.Length <= 256 ? stackalloc char[lower.Length] : new char[lower.Length];
        var length = 0;
        var previousWasSeparator = false;
        foreach (var c in lower)
        {
            if (c is '-' or '_' or '.')
            {
                if (!previousWasSeparator)
                {
                    buffer[length++] = '-';
                }

                previousWasSeparator = true;
            }
            else
            {
                buffer[length++] = c;
                previousWasSeparator = false;
            }
        }

        return buffer[..length].ToString();
    }

    /// <summary>
    /// The PEP 508 / core metadata name rule: ASCII letters and digits, with <c>.</c>, <c>_</c> and <c>-</c> allowed
    /// only between them (case-insensitive).
    /// </summary>
    /// <param name="name">The name to check.</param>
    /// <returns>Whether <paramref name="name"/> is a valid project name.</returns>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is already a valid, normalised name: lower-case ASCII letters and digits
    /// in runs joined by single hyphens.
    /// </summary>
    /// <param name="name">The name to check.</param>
    /// <returns>Whether <see cref="Canonicalize"/> would return the name unchanged and the name is valid.</returns>
    public static bool IsNormalized(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name[0] == '-' || name[^1] == '-')
        {
            return false;
        }

        var previousWasHyphen = false;
        foreach (var c in name)
        {
            if (c == '-')
            {
                if (previousWasHyphen)
                {
                    return false;
                }

                previousWasHyphen = true;
            }
            else if (char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c))
            {
                previousWasHyphen = false;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
