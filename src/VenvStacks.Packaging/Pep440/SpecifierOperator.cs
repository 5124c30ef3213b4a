namespace VenvStacks.Packaging.Pep440;

/// <summary>The comparison operators of PEP 440 version specifiers.</summary>
internal enum SpecifierOperator : byte
{
    Compatible,
    Equal,
    NotEqual,
    LessThanOrEqual,
    GreaterThanOrEqual,
    LessThan,
    GreaterThan,
    ArbitraryEqual,
}
