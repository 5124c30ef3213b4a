using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>Writes the wheels of a <see cref="SyntheticUniverse"/> and serves them from a <see cref="LocalIndexServer"/>.</summary>
internal static class UniverseIndex
{
    /// <summary>Builds every wheel (tiny: one module with a version string) and adds it to the server.</summary>
    /// <returns>How many files were added and their total size in bytes.</returns>
    public static (int Files, long Bytes) Serve(LocalIndexServer server, SyntheticUniverse universe)
    {
        var files = 0;
        var bytes = 0L;
        foreach (var project in universe.Projects)
        {
            foreach (var release in project.Releases)
            {
                var builder = new WheelBuilder(project.Name, release.Version)
                    .WithRequiresDist([.. release.Requires])
                    .WithModule($"{project.ModuleName}/__init__.py", $"__version__ = \"{release.Version}\"\n");
                if (release.RequiresPython is { } requiresPython)
                {
                    builder = builder.WithRequiresPython(requiresPython);
                }

                foreach (var (extra, requirements) in release.Extras)
                {
                    builder = builder.WithExtra(extra, [.. requirements]);
                }

                foreach (var tag in release.Tags)
                {
                    var wheel = builder.WithTag(tag).Build();
                    server.Add(wheel, release.UploadTime, release.Yanked ? "broken import on some platforms" : null);
                    files++;
                    bytes += wheel.Content.Length;
                }
            }
        }

        return (files, bytes);
    }
}
