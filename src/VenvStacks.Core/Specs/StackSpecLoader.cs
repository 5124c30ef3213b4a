using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Specs.Reading;
using VenvStacks.Core.Toml;

namespace VenvStacks.Core.Specs;

/// <summary>Loads and validates <c>venvstacks.toml</c>, reporting every independent problem with its file position.</summary>
public static class StackSpecLoader
{
    /// <summary>Loads the spec at <paramref name="specPath"/> (relative paths resolve against the current folder).</summary>
    public static StackSpecLoadResult Load(string specPath, StackSpecLoadOptions? options = null)
    {
        var fullPath = Path.GetFullPath(specPath);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var message = ex is FileNotFoundException or DirectoryNotFoundException
                ? $"Stack spec file '{fullPath}' does not exist"
                : $"Stack spec file '{fullPath}' cannot be read: {ex.Message}";
            return new StackSpecLoadResult(
                null,
                [Diagnostic.Error(DiagnosticCodes.SpecNotFound, message, SourceLocation.FileOnly(fullPath))]);
        }

        var diagnostics = new DiagnosticBag();
        var text = TomlFileText.Decode(bytes, fullPath, diagnostics);
        return text is null ? new StackSpecLoadResult(null, diagnostics.ToImmutable()) : LoadText(text, fullPath, options);
    }

    /// <summary>Validates spec text as if it were stored at <paramref name="specPath"/> (which must be absolute).</summary>
    public static StackSpecLoadResult LoadText(string text, string specPath, StackSpecLoadOptions? options = null)
    {
        var parsed = TomlDocumentReader.Parse(text, specPath);
        if (!parsed.Succeeded)
        {
            return new StackSpecLoadResult(null, parsed.Errors);
        }

        var reader = new StackSpecReader(specPath, options ?? StackSpecLoadOptions.FromProcessEnvironment());
        return reader.Read(parsed.Root!);
    }
}
