using System.Collections.Immutable;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>A private build folder with fake runtimes and plans for layers in it.</summary>
internal sealed class BuildFolder : IDisposable
{
    public static readonly PythonImplementation Python311 = PythonImplementation.Parse("cpython@3.11.13");

    public BuildFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "vstk-env-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(BuildDirectory);
    }

    public string Root { get; }

    public string BuildDirectory => Path.Combine(Root, "build");

    public LayerLocation Location(string buildName, string? installTarget = null) =>
        new(buildName, installTarget ?? buildName, Path.Combine(BuildDirectory, buildName));

    public static LayerEnvironmentPlan RuntimePlan(TargetPlatform platform, LayerLocation runtime, PythonImplementation? python = null) => new()
    {
        Platform = platform,
        Python = python ?? Python311,
        Kind = LayerKind.Runtime,
        Layer = runtime,
        Runtime = runtime,
    };

    public static LayerEnvironmentPlan LayeredPlan(
        TargetPlatform platform,
        LayerKind kind,
        LayerLocation layer,
        LayerLocation runtime,
        IEnumerable<LayerLocation>? frameworks = null,
        PythonImplementation? python = null) => new()
    {
        Platform = platform,
        Python = python ?? Python311,
        Kind = kind,
        Layer = layer,
        Runtime = runtime,
        Frameworks = (frameworks ?? []).ToImmutableArray(),
    };

    /// <summary>A module file or folder below the root (outside any git work tree) for an application.</summary>
    public ModuleSource Module(string relativePath, params (string Path, string Content)[] files)
    {
        var full = Path.Combine(Root, "src", relativePath);
        if (files.Length == 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "print('hello')\n");
        }

        foreach (var (path, content) in files)
        {
            var file = Path.Combine(full, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        var name = Path.GetFileNameWithoutExtension(full);
        return new ModuleSource(relativePath, full, name, VenvStacks.Core.Diagnostics.SourceLocation.FileOnly(full));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}
