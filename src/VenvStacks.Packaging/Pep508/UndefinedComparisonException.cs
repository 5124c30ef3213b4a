namespace VenvStacks.Packaging.Pep508;

/// <summary>
/// pypa/packaging's <c>UndefinedComparison</c>: an operator that is not defined for the operands, such as
/// <c>~=</c> on values that are not versions, or a set-valued variable (<c>extras</c>) outside <c>in</c>/<c>not in</c>.
/// </summary>
public sealed class UndefinedComparisonException : MarkerEvaluationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The description of the comparison.</param>
    public UndefinedComparisonException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">The description of the comparison.</param>
    /// <param name="innerException">The cause.</param>
    public UndefinedComparisonException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
