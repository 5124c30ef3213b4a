namespace VenvStacks.Packaging.Pep440;

/// <summary>
/// An item being matched against specifiers: its text (what <c>===</c> compares) and its parsed version, which
/// is null when the text is not a valid version.
/// </summary>
internal readonly struct VersionCandidate
{
    private readonly string? _text;

    private VersionCandidate(string? text, Version? parsed)
    {
        _text = text;
        Parsed = parsed;
    }

    public Version? Parsed { get; }

    /// <summary>The text as given, or the canonical form of a <see cref="Version"/> object.</summary>
    public string Text => _text ?? Parsed!.ToString();

    public bool IsPrerelease => Parsed is not null && Parsed.IsPrerelease;

    public static VersionCandidate FromText(string text)
    {
        return new VersionCandidate(text, Version.TryParse(text, out var parsed) ? parsed : null);
    }

    public static VersionCandidate FromVersion(Version version) => new(null, version);
}
