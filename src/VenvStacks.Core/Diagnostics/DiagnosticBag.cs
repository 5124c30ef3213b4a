using System.Collections.Immutable;

namespace VenvStacks.Core.Diagnostics;

/// <summary>
/// Collects the diagnostics of one operation, so that independent problems are all reported in one run. Output stays
/// bounded whatever the input: each file keeps its first <see cref="MaxPerFile"/> diagnostics and the rest are
/// counted in one VSTK1031 line (a file of garbage would otherwise print hundreds of thousands of errors).
/// </summary>
public sealed class DiagnosticBag
{
    /// <summary>How many diagnostics of one file are kept; the rest are counted in one summary line (VSTK1031).</summary>
    public const int MaxPerFile = 100;

    private readonly ImmutableArray<Diagnostic>.Builder _items = ImmutableArray.CreateBuilder<Diagnostic>();

    // Keyed by file; diagnostics about no file share the empty key.
    private readonly Dictionary<string, FileTally> _files = new(StringComparer.Ordinal);

    /// <summary>Whether any error has been added.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>How many diagnostics have been added, shown or not.</summary>
    public int Count { get; private set; }

    /// <summary>How many errors have been added, shown or not; comparing counts tells whether a step added any.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Adds a diagnostic (kept only while its file has fewer than <see cref="MaxPerFile"/>).</summary>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Count++;
        if (diagnostic.IsError)
        {
            ErrorCount++;
        }

        var key = diagnostic.Location?.File ?? string.Empty;
        if (!_files.TryGetValue(key, out var tally))
        {
            _files[key] = tally = new FileTally();
        }

        if (tally.Shown < MaxPerFile)
        {
            tally.Shown++;
            _items.Add(diagnostic);
            tally.LastShownIndex = _items.Count - 1;
            return;
        }

        tally.FirstHidden ??= diagnostic;
        tally.Hidden++;
        tally.HiddenErrors |= diagnostic.IsError;
    }

    /// <summary>Adds several diagnostics.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>Adds an error.</summary>
    public void Error(DiagnosticDescriptor descriptor, string message, SourceLocation? location) =>
        Add(Diagnostic.Error(descriptor, message, location));

    /// <summary>Adds a warning.</summary>
    public void Warning(DiagnosticDescriptor descriptor, string message, SourceLocation? location) =>
        Add(Diagnostic.Warning(descriptor, message, location));

    /// <summary>
    /// The diagnostics kept so far, in order, each file's summary line (if it had more) right after its last one.
    /// </summary>
    public ImmutableArray<Diagnostic> ToImmutable()
    {
        var summaries = _files
            .Where(f => f.Value.Hidden > 0)
            .ToDictionary(f => f.Value.LastShownIndex, f => Summary(f.Key, f.Value));
        if (summaries.Count == 0)
        {
            return _items.ToImmutable();
        }

        var result = ImmutableArray.CreateBuilder<Diagnostic>(_items.Count + summaries.Count);
        for (var i = 0; i < _items.Count; i++)
        {
            result.Add(_items[i]);
            if (summaries.TryGetValue(i, out var summary))
            {
                result.Add(summary);
            }
        }

        return result.MoveToImmutable();
    }

    private static Diagnostic Summary(string file, FileTally tally)
    {
        var kind = tally.HiddenErrors ? "errors" : "warnings";
        var where = file.Length == 0 ? string.Empty : $" in {file}";
        var message = $"{tally.Hidden} more {kind}{where} are not shown (only the first {MaxPerFile} of a file are); fix these and build again";
        return tally.HiddenErrors
            ? Diagnostic.Error(DiagnosticCodes.TooManyDiagnostics, message, tally.FirstHidden!.Location)
            : Diagnostic.Warning(DiagnosticCodes.TooManyDiagnostics, message, tally.FirstHidden!.Location);
    }

    private sealed class FileTally
    {
        public int Shown { get; set; }

        public int LastShownIndex { get; set; }

        public int Hidden { get; set; }

        public bool HiddenErrors { get; set; }

        public Diagnostic? FirstHidden { get; set; }
    }
}
