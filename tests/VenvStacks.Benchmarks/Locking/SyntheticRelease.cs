namespace VenvStacks.Benchmarks.Locking;

/// <summary>One release of a synthetic project: what its wheels declare and which wheels exist.</summary>
/// <param name="Version">The version as written in file names and <c>METADATA</c>.</param>
/// <param name="Requires">The unconditional and marker-guarded <c>Requires-Dist</c> lines.</param>
/// <param name="Extras">Each extra with the requirements it adds (written with <c>extra == "..."</c> markers).</param>
/// <param name="RequiresPython">The <c>Requires-Python</c> value, or null.</param>
/// <param name="Tags">The compressed tag set of every wheel of the release.</param>
/// <param name="Yanked">Whether the index reports the release's files as yanked (PEP 592).</param>
/// <param name="UploadTime">The PEP 700 upload time of the release's files.</param>
internal sealed record SyntheticRelease(
    string Version,
    IReadOnlyList<string> Requires,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Extras,
    string? RequiresPython,
    IReadOnlyList<string> Tags,
    bool Yanked,
    DateTimeOffset UploadTime);
