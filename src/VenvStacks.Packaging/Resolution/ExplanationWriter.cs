using System.Globalization;
using System.Text;

namespace VenvStacks.Packaging.Resolution;

/// <summary>
/// Turns the derivation graph of the final incompatibility into sentences, following PubGrub's error reporting:
/// walk the proof from its leaves (external facts: requirements, dependencies, constraints, unusable versions) to
/// the conclusion, writing one "Because ..., ..." line per derived fact and numbering only the lines that are
/// referred to again later.
/// </summary>
internal sealed partial class ExplanationWriter
{
    private const int MaxListedVersions = 5;
    private const int MaxListedTags = 4;

    private readonly IReadOnlyList<SolverPackage> _packages;
    private readonly ResolutionRequest _request;
    private readonly ResolutionTarget _target;
    private readonly List<(string Text, int? Number)> _lines = [];
    private readonly Dictionary<Incompatibility, int> _lineNumbers = [];
    private readonly Dictionary<Incompatibility, int> _uses = [];

    public ExplanationWriter(IReadOnlyList<SolverPackage> packages, ResolutionRequest request, ResolutionTarget target)
    {
        _packages = packages;
        _request = request;
        _target = target;
    }

    public ResolutionException Failure(Incompatibility root)
    {
        CountUses(root, []);
        if (root.IsDerived)
        {
            Visit(root);
        }
        else
        {
            Write($"Because {External(root)}, {Statement(root)}.", root);
        }

        var text = new StringBuilder();
        foreach (var (line, number) in _lines)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            if (number is { } n)
            {
                text.Append('(').Append(n.ToString(CultureInfo.InvariantCulture)).Append(") ");
            }

            text.Append(line);
        }

        return new ResolutionException(text.ToString(), CollectFacts(root));
    }

    // ---- Walking the derivation graph ----

    private void CountUses(Incompatibility incompatibility, HashSet<Incompatibility> seen)
    {
        if (incompatibility.Cause is not DerivedCause derived)
        {
            return;
        }

        foreach (var cause in new[] { derived.Conflict, derived.Other })
        {
            _uses[cause] = _uses.GetValueOrDefault(cause) + 1;
            if (seen.Add(cause))
            {
                CountUses(cause, seen);
            }
        }
    }

    private void Visit(Incompatibility incompatibility)
    {
        var derived = (DerivedCause)incompatibility.Cause;
        var (first, second) = (derived.Conflict, derived.Other);
        var conclusion = Statement(incompatibility);
        if (first.IsDerived && second.IsDerived)
        {
            var firstLine = LineOf(first);
            var secondLine = LineOf(second);
            if (firstLine is not null && secondLine is not null)
            {
                Write($"Because {Statement(first)} ({firstLine}) and {Statement(second)} ({secondLine}), {conclusion}.", incompatibility);
            }
            else if (firstLine is not null || secondLine is not null)
            {
                var (numbered, other) = firstLine is not null ? (first, second) : (second, first);
                Visit(other);
                Write($"And because {Statement(numbered)} ({LineOf(numbered)}), {conclusion}.", incompatibility);
            }
            else if (IsSimple(first) || IsSimple(second))
            {
                var (simple, complex) = IsSimple(first) ? (first, second) : (second, first);
                Visit(complex);
                Visit(simple);
                Write($"Thus, {conclusion}.", incompatibility);
            }
            else
            {
                Visit(first);
                NumberLastLine(first);
                _lines.Add((string.Empty, null));
                Visit(second);
                Write($"And because {Statement(first)} ({LineOf(first)}), {conclusion}.", incompatibility);
            }
        }
        else if (first.IsDerived || second.IsDerived)
        {
            var (inner, external) = first.IsDerived ? (first, second) : (second, first);
            if (LineOf(inner) is { } line)
            {
                Write($"Because {External(external)} and {Statement(inner)} ({line}), {conclusion}.", incompatibility);
            }
            else if (inner.Cause is DerivedCause innerCause
                && (innerCause.Conflict.IsDerived ^ innerCause.Other.IsDerived)
                && LineOf(innerCause.Conflict.IsDerived ? innerCause.Conflict : innerCause.Other) is null)
            {
                // Skip the intermediate conclusion: "... And because X and Y, Z." reads better than two steps.
                var (priorDerived, priorExternal) = innerCause.Conflict.IsDerived
                    ? (innerCause.Conflict, innerCause.Other)
                    : (innerCause.Other, innerCause.Conflict);
                Visit(priorDerived);
                Write($"And because {External(priorExternal)} and {External(external)}, {conclusion}.", incompatibility);
            }
            else
            {
                Visit(inner);
                Write($"And because {External(external)}, {conclusion}.", incompatibility);
            }
        }
        else
        {
            var (one, two) = Rank(first) <= Rank(second) ? (first, second) : (second, first);
            Write($"Because {External(one)} and {External(two)}, {conclusion}.", incompatibility);
        }
    }

    private static bool IsSimple(Incompatibility incompatibility) =>
        incompatibility.Cause is DerivedCause { Conflict.IsDerived: false, Other.IsDerived: false };

    private string? LineOf(Incompatibility incompatibility) =>
        _lineNumbers.TryGetValue(incompatibility, out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;

    private void Write(string text, Incompatibility incompatibility)
    {
        _lines.Add((text, null));
        if (_uses.GetValueOrDefault(incompatibility) >= 2)
        {
            NumberLastLine(incompatibility);
        }
    }

    private void NumberLastLine(Incompatibility incompatibility)
    {
        if (_lineNumbers.ContainsKey(incompatibility))
        {
            return;
        }

        var number = _lineNumbers.Count + 1;
        _lineNumbers[incompatibility] = number;
        _lines[^1] = (_lines[^1].Text, number);
    }

    /// <summary>Orders two external facts in a sentence: root requirements, then dependencies, then the rest.</summary>
    private static int Rank(Incompatibility incompatibility) => incompatibility.Cause switch
    {
        DependencyCause { Depender: 0 } => 0,
        DependencyCause => 1,
        ConstraintCause => 2,
        _ => 3,
    };
}
