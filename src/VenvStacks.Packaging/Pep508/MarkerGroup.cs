using System.Text;

namespace VenvStacks.Packaging.Pep508;

/// <summary>
/// A list of marker atoms joined by <c>and</c>/<c>or</c>, where <c>and</c> binds tighter. The whole marker is one,
/// and so is each parenthesised sub-expression.
/// </summary>
internal sealed class MarkerGroup : MarkerNode
{
    public MarkerGroup(MarkerNode[] items, bool[] isOrBefore)
    {
        Items = items;
        IsOrBefore = isOrBefore;
    }

    public MarkerNode[] Items { get; }

    /// <summary><c>IsOrBefore[i]</c> tells whether <c>or</c> (else <c>and</c>) joins item <c>i - 1</c> and item <c>i</c>.</summary>
    public bool[] IsOrBefore { get; }

    public override bool Evaluate(MarkerEnvironment environment, MarkerEvaluationContext context)
    {
        var anyGroup = false;
        var currentGroup = true;
        for (var i = 0; i < Items.Length; i++)
        {
            var value = Items[i].Evaluate(environment, context);
            if (i > 0 && IsOrBefore[i])
            {
                anyGroup |= currentGroup;
                currentGroup = value;
            }
            else
            {
                currentGroup &= value;
            }
        }

        return anyGroup | currentGroup;
    }

    public override bool TryFormat(StringBuilder builder, bool topLevel, char preferredQuote)
    {
        // A single item needs no parentheses of its own but keeps the nesting context of this group.
        if (Items.Length == 1)
        {
            return Items[0].TryFormat(builder, topLevel, preferredQuote);
        }

        if (!topLevel)
        {
            builder.Append('(');
        }

        for (var i = 0; i < Items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(IsOrBefore[i] ? " or " : " and ");
            }

            if (!Items[i].TryFormat(builder, topLevel: false, preferredQuote))
            {
                return false;
            }
        }

        if (!topLevel)
        {
            builder.Append(')');
        }

        return true;
    }
}
