using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep425;

/// <summary>
/// One PEP 425 compatibility tag: an interpreter, an ABI and a platform, such as <c>cp311-cp311-win_amd64</c>.
/// All three parts are stored lower-cased, as packaging does, so tags compare case-insensitively.
/// </summary>
public sealed record Tag
{
    // Tags are hashed constantly when wheel files are ranked against a supported-tag list, so the hash is computed once.
    private readonly int _hash;

    /// <summary>Creates a tag; each part is lower-cased as Python's <c>str.lower()</c> does.</summary>
    /// <param name="interpreter">The interpreter part, e.g. <c>py3</c> or <c>cp311</c>.</param>
    /// <param name="abi">The ABI part, e.g. <c>none</c>, <c>abi3</c> or <c>cp311</c>.</param>
    /// <param name="platform">The platform part, e.g. <c>any</c> or <c>manylinux_2_17_x86_64</c>.</param>
    public Tag(string interpreter, string abi, string platform)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(abi);
        ArgumentNullException.ThrowIfNull(platform);
        Interpreter = PythonText.ToLower(interpreter);
        Abi = PythonText.ToLower(abi);
        Platform = PythonText.ToLower(platform);
        _hash = HashCode.Combine(
            StringComparer.Ordinal.GetHashCode(Interpreter),
            StringComparer.Ordinal.GetHashCode(Abi),
            StringComparer.Ordinal.GetHashCode(Platform));
    }

    /// <summary>The interpreter part, lower-cased (<c>py3</c>, <c>cp311</c>, <c>pp310</c>).</summary>
    public string Interpreter { get; }

    /// <summary>The ABI part, lower-cased (<c>none</c>, <c>abi3</c>, <c>cp311</c>).</summary>
    public string Abi { get; }

    /// <summary>The platform part, lower-cased (<c>any</c>, <c>win_amd64</c>, <c>macosx_11_0_arm64</c>).</summary>
    public string Platform { get; }

    /// <summary>
    /// Parses a single tag such as <c>cp311-cp311-win_amd64</c>. A compressed tag set is accepted only when it
    /// stands for exactly one tag (<c>py3.py3-none-any</c>); use <see cref="TagSet.Parse"/> for the general case.
    /// </summary>
    /// <param name="text">The tag text.</param>
    /// <returns>The tag, lower-cased.</returns>
    /// <exception cref="PackagingFormatException">The text is not a tag, or stands for more than one tag.</exception>
    public static Tag Parse(string text)
    {
        var set = TagSet.Parse(text);
        if (set.Count != 1)
        {
            throw TagErrors.NotASingleTag(text, set.Count);
        }

        return set.First();
    }

    /// <summary>Whether this tag equals another, part by part (all parts are already lower-cased).</summary>
    /// <param name="other">The tag to compare with.</param>
    /// <returns><see langword="true"/> when all three parts are equal.</returns>
    public bool Equals(Tag? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (_hash == other._hash
                && string.Equals(Platform, other.Platform, StringComparison.Ordinal)
                && string.Equals(Abi, other.Abi, StringComparison.Ordinal)
                && string.Equals(Interpreter, other.Interpreter, StringComparison.Ordinal)));

    /// <summary>The hash of the three parts, computed once when the tag is created.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;

    /// <summary>The tag in its PEP 425 form, <c>interpreter-abi-platform</c>.</summary>
    /// <returns>For example <c>py3-none-any</c>.</returns>
    public override string ToString() => string.Concat(Interpreter, "-", Abi, "-", Platform);
}
