namespace VenvStacks.Packaging;

/// <summary>
/// Thrown when text that should follow a Python packaging standard (a name, version, specifier, requirement,
/// marker, wheel file name, tag, metadata file, RECORD or lock file) cannot be parsed.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> uses the wording of pypa/packaging (for example
/// <c>Expected end or semicolon (after version specifier)</c>) so that users recognise it.
/// <see cref="Position"/> and <see cref="Length"/> locate the offending span inside <see cref="Input"/>.
/// </remarks>
public class PackagingFormatException : FormatException
{
    /// <summary>Creates an exception with an empty input and a zero position.</summary>
    public PackagingFormatException()
        : this("The input is not in a valid Python packaging format.", string.Empty, 0, 0)
    {
    }

    /// <summary>Creates an exception with a message, an empty input and a zero position.</summary>
    /// <param name="message">The description of the problem.</param>
    public PackagingFormatException(string message)
        : this(message, string.Empty, 0, 0)
    {
    }

    /// <summary>Creates an exception with a message and a cause, an empty input and a zero position.</summary>
    /// <param name="message">The description of the problem.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public PackagingFormatException(string message, Exception? innerException)
        : this(message, string.Empty, 0, 0, innerException)
    {
    }

    /// <summary>Creates an exception that points at a span of the input.</summary>
    /// <param name="message">The description of the problem, in pypa/packaging's wording.</param>
    /// <param name="input">The complete text that was being parsed.</param>
    /// <param name="position">0-based index into <paramref name="input"/> where the problem is.</param>
    /// <param name="length">Length of the offending span (0 for a point).</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public PackagingFormatException(string message, string input, int position, int length = 0, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        Position = Math.Clamp(position, 0, input.Length);
        Length = Math.Clamp(length, 0, input.Length - Position);
    }

    /// <summary>The complete text that was being parsed.</summary>
    public string Input { get; }

    /// <summary>0-based index into <see cref="Input"/> where the problem is (at most <c>Input.Length</c>).</summary>
    public int Position { get; }

    /// <summary>Length of the offending span starting at <see cref="Position"/>; 0 when the problem is a point.</summary>
    public int Length { get; }

    /// <summary>
    /// The input and a caret line under the offending span, laid out like pypa/packaging's syntax errors:
    /// <c>"    name (>= 1.0\n    ~~~~~^"</c>.
    /// </summary>
    /// <returns>Two lines, each indented by four spaces.</returns>
    public string FormatExcerpt()
    {
        return "    " + Input + "\n    " + new string(' ', Position) + new string('~', Length) + "^";
    }
}
