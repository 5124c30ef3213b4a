namespace VenvStacks.Packaging.IndexSelection;

/// <summary>What <c>exclude-newer</c> does with simple-index files that carry no PEP 700 upload time.</summary>
public enum MissingUploadTimePolicy
{
    /// <summary>
    /// Keep them when the project page has no upload times at all (HTML-only indexes, PEP 691 JSON without PEP 700);
    /// drop them when other files on the page have upload times. Wherever uv succeeds, this selects the same files; it
    /// also lets indexes without upload times be used with a cut-off, where uv finds no files at all.
    /// </summary>
    KeepWhenPageHasNone,

    /// <summary>Drop them, as uv does (it warns "missing an upload date" and treats the file as too new).</summary>
    Exclude,
}
