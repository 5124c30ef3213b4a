using System.Text;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>
/// A temporary folder holding the benchmark stack's <c>venvstacks.toml</c> (runtime, one framework, one application,
/// all from the loopback index) and, once locked, its <c>requirements/</c> lock files.
/// </summary>
internal sealed class StackWorkspace : IDisposable
{
    public const string RuntimeName = "cpython-3.11";
    public const string FrameworkName = "services";
    public const string ApplicationName = "portal";

    public StackWorkspace(string parent, SyntheticUniverse universe, Uri indexUrl, IReadOnlyList<TargetPlatform> platforms)
    {
        Directory = Path.Combine(parent, "stack-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "portal.py"), "print('portal')\n");
        File.WriteAllText(SpecPath, SpecText(universe, indexUrl, platforms));
    }

    public string Directory { get; }

    public string SpecPath => Path.Combine(Directory, "venvstacks.toml");

    /// <summary>Loads the spec as the build would (no environment variables).</summary>
    public StackSpec Load()
    {
        var result = StackSpecLoader.Load(SpecPath, StackSpecLoadOptions.Empty);
        return result.Spec ?? throw new InvalidOperationException("The benchmark stack does not load:\n" + string.Join("\n", result.Diagnostics));
    }

    /// <summary>Removes every lock file, so the next lock must resolve again.</summary>
    public void DeleteLocks(StackSpec spec)
    {
        if (System.IO.Directory.Exists(spec.RequirementsDirectory))
        {
            System.IO.Directory.Delete(spec.RequirementsDirectory, recursive: true);
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not affect the numbers.
        }
    }

    public static string SpecText(SyntheticUniverse universe, Uri indexUrl, IReadOnlyList<TargetPlatform> platforms)
    {
        var text = new StringBuilder();
        text.Append("[[runtimes]]\n");
        text.Append("name = \"").Append(RuntimeName).Append("\"\n");
        text.Append("python_implementation = \"cpython@3.11.7\"\n");
        text.Append("platforms = ").Append(Array(platforms.Select(p => p.Name))).Append('\n');
        text.Append("requirements = ").Append(Array(universe.RuntimeRequirements)).Append("\n\n");
        text.Append("[[frameworks]]\n");
        text.Append("name = \"").Append(FrameworkName).Append("\"\n");
        text.Append("runtime = \"").Append(RuntimeName).Append("\"\n");
        text.Append("requirements = ").Append(Array(universe.FrameworkRequirements)).Append("\n\n");
        text.Append("[[applications]]\n");
        text.Append("name = \"").Append(ApplicationName).Append("\"\n");
        text.Append("frameworks = [\"").Append(FrameworkName).Append("\"]\n");
        text.Append("launch_module = \"portal.py\"\n");
        text.Append("requirements = ").Append(Array(universe.ApplicationRequirements)).Append("\n\n");
        text.Append("[[tool.uv.index]]\n");
        text.Append("name = \"bench\"\n");
        text.Append("url = \"").Append(indexUrl.AbsoluteUri).Append("\"\n");
        text.Append("default = true\n");
        return text.ToString();
    }

    private static string Array(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Select(i => "\"" + i.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "]";
}
