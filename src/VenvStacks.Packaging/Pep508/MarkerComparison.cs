using System.Collections.Frozen;
using System.Text;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep508;

/// <summary>
/// One <c>left op right</c> comparison. Everything that does not depend on the environment (which side is looked
/// up, whether the values are compared as versions, the specifier built from a literal) is decided at parse time.
/// </summary>
/// <remarks>
/// pypa/packaging's rules, kept exactly: when the left side is a variable, its value is compared with the right
/// side's text (even when that is another variable's name); otherwise the right side's text names the variable
/// to look up. Version-valued variables compare as <c>Specifier(op + right).contains(left)</c> when that specifier
/// is valid; everything else compares as strings, where <c>&lt;</c>/<c>&gt;</c> are false, <c>&lt;=</c>/<c>&gt;=</c>
/// mean <c>==</c>, <c>in</c> is a substring test and <c>~=</c>/<c>===</c> are undefined.
/// </remarks>
internal sealed class MarkerComparison : MarkerNode
{
    private readonly string _key;
    private readonly int _keyIndex;
    private readonly bool _keyIsVersion;
    private readonly bool _keyIsSet;
    private readonly Specifier? _literalSpecifier;
    private readonly VersionCandidate _literalCandidate;
    private readonly string? _canonicalLiteral;

    public MarkerComparison(MarkerOperand left, MarkerOperator op, MarkerOperand right)
    {
        Left = left;
        Operator = op;
        Right = right;
        _key = left.IsVariable ? left.Text : right.Text;
        _keyIndex = MarkerVariables.IndexOf(_key);
        _keyIsVersion = MarkerVariables.IsVersionValued(_keyIndex);
        _keyIsSet = MarkerVariables.IsSetValued(_keyIndex);
        if (_keyIsSet)
        {
            _canonicalLiteral = PackageName.Canonicalize(left.IsVariable ? right.Text : left.Text);
        }

        if (left.IsVariable)
        {
            if (_keyIsVersion && op is not (MarkerOperator.In or MarkerOperator.NotIn))
            {
                _literalSpecifier = Specifier.TryParse(op.ToText() + right.Text, out var specifier) ? specifier : null;
            }
        }
        else if (_keyIsVersion)
        {
            _literalCandidate = VersionCandidate.FromText(left.Text);
        }
    }

    public MarkerOperand Left { get; }

    public MarkerOperator Operator { get; }

    public MarkerOperand Right { get; }

    /// <summary>
    /// The same comparison with <c>extra</c> values and the names tested against <c>extras</c>/<c>dependency_groups</c>
    /// normalised (PEP 685), as pypa/packaging does on parsing.
    /// </summary>
    public static MarkerComparison CreateNormalized(MarkerOperand left, MarkerOperator op, MarkerOperand right)
    {
        if (left.IsVariable && left.Text == "extra" && !right.IsVariable)
        {
            right = right with { Text = PackageName.Canonicalize(right.Text) };
        }
        else if (right.IsVariable && !left.IsVariable && right.Text is "extra" or "extras" or "dependency_groups")
        {
            left = left with { Text = PackageName.Canonicalize(left.Text) };
        }

        return new MarkerComparison(left, op, right);
    }

    public override bool Evaluate(MarkerEnvironment environment, MarkerEvaluationContext context)
    {
        if (!environment.TryLookup(_key, _keyIndex, context, out var value, out var set))
        {
            throw new UndefinedEnvironmentNameException(_key);
        }

        if (Left.IsVariable)
        {
            if (value is null)
            {
                throw new UndefinedComparisonException(
                    $"Set-valued marker '{_key}' can only be used with the membership form (e.g. \"<name>\" in {_key}); "
                    + $"it cannot appear on the left-hand side of '{Operator.ToText()}'.");
            }

            if (_keyIsVersion && _literalSpecifier is not null)
            {
                return _literalSpecifier.Contains(environment.VersionOf(_keyIndex), prereleases: true);
            }

            return _keyIsSet
                ? CompareStrings(PackageName.Canonicalize(value), _canonicalLiteral, null)
                : CompareStrings(value, Right.Text, null);
        }

        if (_keyIsVersion && value is not null && Operator is not (MarkerOperator.In or MarkerOperator.NotIn)
            && Specifier.TryParse(Operator.ToText() + value, out var specifier))
        {
            return specifier.Contains(_literalCandidate, prereleases: true);
        }

        var left = _keyIsSet ? _canonicalLiteral! : Left.Text;
        if (_keyIsSet && value is not null)
        {
            value = PackageName.Canonicalize(value);
        }

        return CompareStrings(left, value, set);
    }

    private bool CompareStrings(string left, string? right, FrozenSet<string>? set)
    {
        switch (Operator)
        {
            case MarkerOperator.In:
                return set is not null ? set.Contains(left) : right!.Contains(left, StringComparison.Ordinal);
            case MarkerOperator.NotIn:
                return set is not null ? !set.Contains(left) : !right!.Contains(left, StringComparison.Ordinal);
            case MarkerOperator.LessThan:
            case MarkerOperator.GreaterThan:
                return false;
            case MarkerOperator.Equal:
            case MarkerOperator.LessThanOrEqual:
            case MarkerOperator.GreaterThanOrEqual:
                return set is null && string.Equals(left, right, StringComparison.Ordinal);
            case MarkerOperator.NotEqual:
                return set is not null || !string.Equals(left, right, StringComparison.Ordinal);
            default:
                throw new UndefinedComparisonException(
                    $"Undefined <Op('{Operator.ToText()}')> on {PythonText.Repr(left)} and {(set is null ? PythonText.Repr(right!) : "a set")}.");
        }
    }

    public override bool TryFormat(StringBuilder builder, bool topLevel, char preferredQuote)
    {
        var left = Left.Serialize(preferredQuote);
        var right = Right.Serialize(preferredQuote);
        if (left is null || right is null)
        {
            return false;
        }

        builder.Append(left).Append(' ').Append(Operator.ToText()).Append(' ').Append(right);
        return true;
    }
}
