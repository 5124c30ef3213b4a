namespace VenvStacks.Packaging.Pep508;

/// <summary>pypa/packaging's <c>UndefinedEnvironmentName</c>: the marker uses a variable the environment does not define.</summary>
public sealed class UndefinedEnvironmentNameException : MarkerEvaluationException
{
    /// <summary>Creates the exception for a missing variable.</summary>
    /// <param name="name">The variable name.</param>
    public UndefinedEnvironmentNameException(string name)
        : this(name, null)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="innerException">The cause.</param>
    public UndefinedEnvironmentNameException(string name, Exception? innerException)
        : base($"'{name}' is not defined in the marker environment", innerException)
    {
        Name = name;
    }

    /// <summary>The variable that is missing.</summary>
    public string Name { get; }
}
