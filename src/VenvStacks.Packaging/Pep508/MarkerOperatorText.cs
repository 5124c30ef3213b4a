namespace VenvStacks.Packaging.Pep508;

/// <summary>The spelling of each marker operator.</summary>
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
