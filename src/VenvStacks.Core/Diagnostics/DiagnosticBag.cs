using System.Collections.Immutable;

namespace VenvStacks.Core.Diagnostics;

/// <summary>Collects the diagnostics of one operation, so that independent problems are all reported in one run.</summary>
public sealed class DiagnosticBag
{
    /// <summary>How many diagnostics of one file are kept; the rest are counted in one summary line (VSTK1031).</summary>
    public const int MaxPerFile = 100;

    private readonly ImmutableArray<Diagnostic>.Builder _items = ImmutableArray.CreateBuilder<Diagnostic>();

    /// <summary>Whether any error has been added.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>How many diagnostics have been added.</summary>
    public int Count => _items.Count;

    /// <summary>How many errors have been added; comparing counts tells whether a step added any.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        if (diagnostic.IsError)
        {
            ErrorCount++;
        }
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

    /// <summary>The diagnostics added so far, in order.</summary>
    public ImmutableArray<Diagnostic> ToImmutable() => _items.ToImmutable();
}
