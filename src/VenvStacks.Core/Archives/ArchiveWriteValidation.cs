using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives;

/// <summary>Checks an <see cref="ArchiveWriteRequest"/> before anything is written (VSTK4012, VSTK4009).</summary>
internal static class ArchiveWriteValidation
{
    public static void Validate(ArchiveWriteRequest request, string outputPath)
    {
        var source = Path.GetFullPath(request.SourceDirectory);
        if (!Directory.Exists(source))
        {
            throw new ArchiveException(DiagnosticCodes.ArchiveSourceUnreadable, outputPath, null, $"the folder to archive, '{source}', does not exist.");
        }

        if (!ArchivePaths.IsSingleComponent(request.RootName))
        {
            throw Invalid(outputPath, $"the top-level folder name '{request.RootName}' must be one non-empty path component.");
        }

        if (ArchivePaths.IsWithin(outputPath, source))
        {
            throw Invalid(outputPath, $"the archive would be written inside the folder being archived, '{source}'.");
        }

        if (!Enum.IsDefined(request.Format))
        {
            throw Invalid(outputPath, $"unknown format {request.Format}.");
        }

        var (min, max) = ArchiveCompression.LevelRange(request.Format);
        var level = request.Compression.EffectiveLevel(request.Format);
        if (level < min || level > max)
        {
            throw Invalid(outputPath, $"compression level {level} is outside {min}–{max} for {ArchiveFormats.Extension(request.Format)}.");
        }

        if (request.Format == ArchiveFormat.Zip
            && (request.Timestamp.UtcDateTime < Zip.DosTimestamp.Earliest || request.Timestamp.UtcDateTime > Zip.DosTimestamp.Latest))
        {
            throw Invalid(outputPath, $"zip can only store times from 1980 to 2107, not {request.Timestamp:O}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var extra in request.ExtraFiles)
        {
            if (!ArchivePaths.IsRelativeForwardPath(extra.RelativePath))
            {
                throw Invalid(outputPath, $"the extra file path '{extra.RelativePath}' must be relative, '/'-separated, without '.' or '..' components.");
            }

            if (!seen.Add(extra.RelativePath))
            {
                throw Invalid(outputPath, $"the extra file '{extra.RelativePath}' is given twice.");
            }

            if (extra.SourceFile is { } file && !File.Exists(file))
            {
                throw new ArchiveException(DiagnosticCodes.ArchiveSourceUnreadable, outputPath, extra.RelativePath, $"the extra file's source '{file}' does not exist.");
            }
        }

        foreach (var extra in request.ExtraFiles)
        {
            // A file cannot also be a folder on another extra file's path.
            for (var slash = extra.RelativePath.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = extra.RelativePath.IndexOf('/', slash + 1))
            {
                if (seen.Contains(extra.RelativePath[..slash]))
                {
                    throw Invalid(outputPath, $"the extra file '{extra.RelativePath[..slash]}' is also a folder of the extra file '{extra.RelativePath}'.");
                }
            }
        }
    }

    private static ArchiveException Invalid(string outputPath, string detail) =>
        new(DiagnosticCodes.ArchiveInvalidRequest, outputPath, null, detail);
}
