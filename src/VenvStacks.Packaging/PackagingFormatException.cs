namespace VenvStacks.Packaging;

// Stand-in on branch `tags` until the pep508 branch (which owns this type) is merged; replaced by theirs on merge.

/// <summary>Raised when text in a Python packaging format cannot be parsed.</summary>
public class PackagingFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in packaging's wording.</param>
    /// <param name="input">The text that was parsed.</param>
    /// <param name="position">0-based index into <paramref name="input"/> where the problem is.</param>
    /// <param name="length">Length of the offending fragment (0 or more).</param>
    public PackagingFormatException(string message, string input, int position, int length = 0)
        : base(message)
    {
        Input = input;
        Position = position;
        Length = length;
    }

    /// <summary>The text that was parsed.</summary>
    public string Input { get; }

    /// <summary>0-based index into <see cref="Input"/> where the problem is.</summary>
    public int Position { get; }

    /// <summary>Length of the offending fragment.</summary>
    public int Length { get; }
}
