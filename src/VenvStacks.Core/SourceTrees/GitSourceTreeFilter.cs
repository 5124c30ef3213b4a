using System.Collections.Concurrent;

namespace VenvStacks.Core.SourceTrees;

/// <summary>
/// Inside a git work tree: entries git would ignore (every <c>.gitignore</c> from the root down, and
/// <c>.git/info/exclude</c>), anything named <c>.git*</c>, and anything outside the work tree are left out.
/// The user's global excludes file is deliberately not read, so that hashes do not depend on who builds.
/// </summary>
public sealed class GitSourceTreeFilter(string repositoryRoot) : SourceTreeFilter
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
    private readonly ConcurrentDictionary<string, IReadOnlyList<GitIgnorePattern>> _rulesByFolder = new(StringComparer.Ordinal);

    /// <summary>The work tree root (the folder holding <c>.git</c>).</summary>
    public string RepositoryRoot => _root;

    /// <inheritdoc />
    public override bool IsIgnored(string directory, string name, bool isDirectory)
    {
        if (name.StartsWith(".git", StringComparison.Ordinal))
        {
            return true;
        }

        var full = Path.Combine(Path.GetFullPath(directory), name);
        return !IsInside(full) || Matches(full, isDirectory);
    }

    /// <inheritdoc />
    public override bool IsPathIgnored(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!IsInside(full))
        {
            return true;
        }

        // A path is ignored when it or any folder above it (inside the work tree) is.
        var relative = Path.GetRelativePath(_root, full);
        if (relative == ".")
        {
            return false;
        }

        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var current = _root;
        for (var i = 0; i < parts.Length; i++)
        {
            var isLast = i == parts.Length - 1;
            if (IsIgnored(current, parts[i], !isLast || Directory.Exists(full)))
            {
                return true;
            }

            current = Path.Combine(current, parts[i]);
        }

        return false;
    }

    private bool IsInside(string fullPath) =>
        fullPath == _root || fullPath.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private bool Matches(string fullPath, bool isDirectory)
    {
        // Rules closer to the path override rules further up; within one file the last match wins.
        bool? ignored = null;
        var relativeToRoot = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        ignored = Apply(ignored, RulesFor(Path.Combine(_root, ".git", "info"), "exclude"), relativeToRoot, isDirectory);
        var folder = _root;
        foreach (var part in relativeToRoot.Split('/').SkipLast(1).Prepend(string.Empty))
        {
            folder = part.Length == 0 ? folder : Path.Combine(folder, part);
            var relative = Path.GetRelativePath(folder, fullPath).Replace('\\', '/');
            ignored = Apply(ignored, RulesFor(folder, ".gitignore"), relative, isDirectory);
        }

        return ignored == true;
    }

    private static bool? Apply(bool? current, IReadOnlyList<GitIgnorePattern> rules, string relativePath, bool isDirectory)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(relativePath, isDirectory))
            {
                current = !rule.Negated;
            }
        }

        return current;
    }

    private IReadOnlyList<GitIgnorePattern> RulesFor(string folder, string fileName) =>
        _rulesByFolder.GetOrAdd(Path.Combine(folder, fileName), path =>
            File.Exists(path)
                ? File.ReadAllLines(path).Select(GitIgnorePattern.Parse).OfType<GitIgnorePattern>().ToArray()
                : []);
}
