namespace VenvStacks.Core.SourceTrees;

/// <summary>Outside git work trees only <c>__pycache__</c> folders are left out.</summary>
public sealed class PycacheSourceTreeFilter : SourceTreeFilter
{
    private const string Pycache = "__pycache__";

    private PycacheSourceTreeFilter()
    {
    }

    /// <summary>The filter (it has no state).</summary>
    public static PycacheSourceTreeFilter Instance { get; } = new();

    /// <inheritdoc />
    public override bool IsIgnored(string directory, string name, bool isDirectory) => name == Pycache;

    /// <inheritdoc />
    public override bool IsPathIgnored(string path) =>
        Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Contains(Pycache);
}
