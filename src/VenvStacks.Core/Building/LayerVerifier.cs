using System.Diagnostics;

namespace VenvStacks.Core.Building;

/// <summary>
/// Runs a built layer's Python the way venvstacks checks its builds (<c>python -X utf8 -Im site</c>,
/// docs/venvstacks-reference.md §3.4 step 7) and checks the <c>sys.path</c> it reports against §3.5: after the standard
/// library, the layer's own site-packages, then its frameworks' in priority order, then the runtime's. Running the
/// interpreter is a check only, never a step in producing the layer (docs/architecture.md).
/// </summary>
internal static class LayerVerifier
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The problem found, or null when the layer runs with the expected path.</summary>
    /// <param name="python">The layer's interpreter (its <c>bin/python</c> wrapper or link).</param>
    /// <param name="expectedSiteDirectories">The site-packages folders that must end <c>sys.path</c>, in order.</param>
    /// <param name="cancellationToken">Kills the interpreter.</param>
    public static async Task<string?> CheckAsync(string python, IReadOnlyList<string> expectedSiteDirectories, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // -B: the check must not leave bytecode caches in the freshly built layer.
        foreach (var argument in new[] { "-X", "utf8", "-B", "-I", "-m", "site" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"'{python}' cannot be started: {e.Message}";
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return $"'{python} -X utf8 -Im site' did not finish within {Timeout.TotalSeconds:0} s";
        }

        var stdout = await output.ConfigureAwait(false);
        var stderr = await error.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            return $"'{python} -X utf8 -Im site' exited with code {process.ExitCode}: {Tail(stderr + stdout)}";
        }

        var path = SysPath(stdout);
        var expected = expectedSiteDirectories.Select(Canonical).ToList();
        var actual = path.Select(Canonical).ToList();
        if (actual.Count < expected.Count || !actual.Skip(actual.Count - expected.Count).SequenceEqual(expected, StringComparer.Ordinal))
        {
            return "sys.path does not end with the layer's own, its frameworks' and its runtime's site-packages in that order."
                + $" Expected the last entries to be [{string.Join(", ", expected)}]; sys.path is [{string.Join(", ", actual)}]";
        }

        return null;
    }

    /// <summary>The entries of the <c>sys.path = [ ... ]</c> block that <c>python -m site</c> prints, one repr per line.</summary>
    internal static IReadOnlyList<string> SysPath(string siteOutput)
    {
        var entries = new List<string>();
        var inside = false;
        foreach (var line in siteOutput.Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.StartsWith("sys.path = [", StringComparison.Ordinal))
            {
                inside = true;
            }
            else if (inside && text.StartsWith(']'))
            {
                break;
            }
            else if (inside && text.Trim().TrimEnd(',') is { Length: >= 2 } item && item[0] is '\'' or '"' && item[^1] == item[0])
            {
                entries.Add(Unrepr(item[1..^1]));
            }
        }

        return entries;
    }

    // Python's repr escapes backslashes (Windows paths) and the quote; nothing else occurs in file names we build.
    private static string Unrepr(string text) => text.Replace("\\\\", "\\", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal);

    // Python may report a path through a link (argv[0]) or its target (the runtime's real executable); both name the
    // same folder, so compare the fully resolved forms.
    private static string Canonical(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full)!;
        var resolved = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, segment);
            var info = new DirectoryInfo(next);
            resolved = info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? Path.TrimEndingDirectorySeparator(target.FullName)
                : next;
        }

        return resolved;
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 2000 ? trimmed : "..." + trimmed[^2000..];
    }
}
