namespace VenvStacks.Packaging.Pep508;

/// <summary>A marker could not be evaluated against an environment (pypa/packaging raises the same cases).</summary>
public abstract class MarkerEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The description of the problem.</param>
    protected MarkerEvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">The description of the problem.</param>
    /// <param name="innerException">The cause.</param>
    protected MarkerEvaluationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
