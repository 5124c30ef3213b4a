namespace VenvStacks.Core.Diagnostics;

/// <summary>A range in a source file; lines and columns are 1-based and the end is inclusive, as MSBuild expects.</summary>
public sealed record SourceLocation(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A location that names a file without pointing into it.</summary>
    public static SourceLocation FileOnly(string file) => new(file, 0, 0, 0, 0);

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
