namespace VenvStacks.Packaging.Pep508;

/// <summary>The comparison operators of a marker expression.</summary>
internal enum MarkerOperator : byte
{
    LessThanOrEqual,
    LessThan,
    NotEqual,
    Equal,
    GreaterThanOrEqual,
    GreaterThan,
    Compatible,
    ArbitraryEqual,
    In,
    NotIn,
}

internal static class MarkerOperatorText
{
    public static string ToText(this MarkerOperator op) => op switch
    {
        MarkerOperator.LessThanOrEqual => "<=",
        MarkerOperator.LessThan => "<",
        MarkerOperator.NotEqual => "!=",
        MarkerOperator.Equal => "==",
        MarkerOperator.GreaterThanOrEqual => ">=",
        MarkerOperator.GreaterThan => ">",
        MarkerOperator.Compatible => "~=",
        MarkerOperator.ArbitraryEqual => "===",
        MarkerOperator.In => "in",
        _ => "not in",
    };
}
