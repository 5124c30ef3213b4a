namespace VenvStacks.Core.Archives.Extraction;

/// <summary>
/// Follows an archive's symbolic links the way the file system will once they exist, over the links of the archive
/// itself, and tells whether each one stays inside the boundary folder at every step. Paths are component lists
/// relative to the boundary. Link chains are followed (at most 40 hops, as Linux does); links outside the archive
/// (in sibling layers) are not known here and count as plain folders: they were checked when their own archive was
/// extracted. Lookups are made both case-sensitively and not, so that a case-insensitive file system (Windows, macOS)
/// cannot take a path through a link a case-sensitive check did not see.
/// </summary>
internal sealed class LinkResolver
{
    private const int MaxHops = 40;

    private readonly string[] _targetFromBoundary;
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _linksIgnoringCase = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="targetFromBoundary">The extraction folder's components below the boundary (empty when they are the same).</param>
    public LinkResolver(string[] targetFromBoundary) => _targetFromBoundary = targetFromBoundary;

    /// <summary>The links added, by path below the extraction folder, with their targets.</summary>
    public IEnumerable<(string Path, string Target)> Links =>
        _links.Select(pair => (pair.Key[KeyPrefixLength..], pair.Value));

    private int KeyPrefixLength => _targetFromBoundary.Length == 0 ? 0 : string.Join('/', _targetFromBoundary).Length + 1;

    public void Add(string relativePath, string target)
    {
        var key = Key(relativePath);
        _links[key] = target;
        _linksIgnoringCase[key] = target;
    }

    public void Remove(string relativePath)
    {
        var key = Key(relativePath);
        if (_links.Remove(key))
        {
            _linksIgnoringCase.Remove(key);
        }
    }

    public bool Contains(string relativePath) => _links.ContainsKey(Key(relativePath));

    public bool ContainsIgnoringCase(string relativePath) => _linksIgnoringCase.ContainsKey(Key(relativePath));

    /// <summary>Why the link at <paramref name="relativePath"/> to <paramref name="target"/> escapes, or null if it does not.</summary>
    public string? Escape(string relativePath, string target) =>
        Escape(relativePath, target, _links) ?? Escape(relativePath, target, _linksIgnoringCase);

    private string? Escape(string relativePath, string target, Dictionary<string, string> links)
    {
        var path = new List<string>(_targetFromBoundary);
        path.AddRange(relativePath.Split('/')[..^1]);
        var pending = new Stack<string>(Enumerable.Reverse(EntryPathRules.SplitTarget(target)));
        var hops = 0;
        while (pending.TryPop(out var component))
        {
            if (component == ".")
            {
                continue;
            }

            if (component == "..")
            {
                if (path.Count == 0)
                {
                    return $"'{target}' leads out of the folder links may point into.";
                }

                path.RemoveAt(path.Count - 1);
                continue;
            }

            path.Add(component);
            if (links.TryGetValue(string.Join('/', path), out var next))
            {
                if (++hops > MaxHops)
                {
                    return $"'{target}' goes through more than {MaxHops} symbolic links (a loop?).";
                }

                path.RemoveAt(path.Count - 1);
                foreach (var nextComponent in Enumerable.Reverse(EntryPathRules.SplitTarget(next)))
                {
                    pending.Push(nextComponent);
                }
            }
        }

        return null;
    }

    private string Key(string relativePath) =>
        _targetFromBoundary.Length == 0 ? relativePath : string.Join('/', _targetFromBoundary) + "/" + relativePath;
}
