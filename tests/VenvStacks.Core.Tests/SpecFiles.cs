using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Tests;

/// <summary>Writes spec text into a private temp folder so tests can load it from disk.</summary>
internal sealed class SpecFiles : IDisposable
{
    public SpecFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "vstk-spec-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string SpecPath => Path.Combine(Directory, "venvstacks.toml");

    /// <summary>Writes the spec (LF line endings) and loads it with an empty environment.</summary>
    public StackSpecLoadResult Load(string toml, StackSpecLoadOptions? options = null)
    {
        File.WriteAllText(SpecPath, toml.ReplaceLineEndings("\n"));
        return StackSpecLoader.Load(SpecPath, options ?? StackSpecLoadOptions.Empty);
    }

    /// <summary>Writes the spec as raw bytes (for input that is not text) and loads it with an empty environment.</summary>
    public StackSpecLoadResult LoadBytes(byte[] content)
    {
        File.WriteAllBytes(SpecPath, content);
        return StackSpecLoader.Load(SpecPath, StackSpecLoadOptions.Empty);
    }

    /// <summary>Creates a file (and its folders) relative to the spec folder.</summary>
    public string Touch(string relativePath, string content = "")
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}
