namespace VenvStacks.Packaging.Pep508;

/// <summary>A node of a parsed marker: a comparison or a parenthesised/top-level list joined by <c>and</c>/<c>or</c>.</summary>
internal abstract class MarkerNode
{
    /// <summary>Evaluates every comparison (no short-circuit, so errors surface as in pypa/packaging).</summary>
    public abstract bool Evaluate(MarkerEnvironment environment, MarkerEvaluationContext context);

    /// <summary>Appends the marker text; returns false when a value contains both quote characters.</summary>
    public abstract bool TryFormat(System.Text.StringBuilder builder, bool topLevel, char preferredQuote);
}
