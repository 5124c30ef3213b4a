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
