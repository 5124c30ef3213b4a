namespace VenvStacks.Packaging.Text;

/// <summary>Where <see cref="TomlTextGuard.FindFirstProblem"/> stopped, and why.</summary>
/// <param name="Offset">0-based offset of the offending character or token.</param>
/// <param name="Message">What is wrong, as the end of a sentence ("the document is nested more than ...").</param>
public sealed record TomlTextProblem(int Offset, string Message);
