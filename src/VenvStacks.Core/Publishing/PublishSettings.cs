using VenvStacks.Core.Archives;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// Checks the settings of a publish before anything is done (VSTK4048), so that a bad level or time does not fail
/// halfway through, after some layers were archived.
/// </summary>
internal static class PublishSettings
{
    // The DOS time fields zip stores (docs/venvstacks-reference.md §4.4).
    private static readonly DateTimeOffset ZipEarliest = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ZipLatest = new(2107, 12, 31, 23, 59, 58, TimeSpan.Zero);

    public static void Check(PublishRequest request, PublishNaming naming, DiagnosticBag diagnostics)
    {
        var location = SourceLocation.FileOnly(request.Spec.SpecPath);
        void Invalid(string message) => diagnostics.Error(DiagnosticCodes.PublishInvalidSettings, message, location);

        var (min, max) = ArchiveCompression.LevelRange(naming.Format);
        var level = request.Compression.EffectiveLevel(naming.Format);
        if (level < min || level > max)
        {
            Invalid($"Compression level {level} is outside {min}–{max} for {ArchiveFormats.Extension(naming.Format)} archives");
        }

        if (request.Compression.Threads is < 1)
        {
            Invalid($"Compression threads must be at least 1, not {request.Compression.Threads}");
        }

        if (naming.Format == ArchiveFormat.Zip && request.SourceDateEpoch is { } epoch && (epoch < ZipEarliest || epoch > ZipLatest))
        {
            Invalid($"SOURCE_DATE_EPOCH {epoch.ToUnixTimeSeconds()} ({epoch:u}) cannot be stored in a zip archive, which holds times from 1980 to 2107");
        }

        if (request.PostInstallScript.IsEmpty)
        {
            Invalid("The post-install script to put into every archive (postinstall.py) is empty");
        }

        if (!Path.IsPathFullyQualified(request.BuildDirectory) || !Path.IsPathFullyQualified(request.OutputDirectory))
        {
            Invalid($"The build folder '{request.BuildDirectory}' and the output folder '{request.OutputDirectory}' must be absolute paths");
            return;
        }

        // Archives may go into the build folder itself (venvstacks' Python API does that), but not into a layer.
        var output = Path.GetFullPath(naming.OutputDirectory);
        foreach (var layer in request.Spec.Layers)
        {
            var layerFolder = Path.Combine(Path.GetFullPath(request.BuildDirectory), layer.BuildName);
            if (ArchivePaths.IsWithin(output, layerFolder))
            {
                Invalid($"The output folder '{output}' is inside the build folder of layer {layer.BuildName}, which would then be archived into itself");
            }
        }
    }
}
