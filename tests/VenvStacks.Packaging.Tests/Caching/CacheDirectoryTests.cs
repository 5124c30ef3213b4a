using System.Runtime.InteropServices;
using VenvStacks.Packaging.Caching;

namespace VenvStacks.Packaging.Tests.Caching;

public sealed class CacheDirectoryTests
{
    private static readonly string Home = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "home"));

    [Fact]
    public void The_override_variable_wins_everywhere()
    {
        var custom = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "custom-cache"));
        foreach (var os in new[] { OSPlatform.Linux, OSPlatform.OSX, OSPlatform.Windows })
        {
            CacheDirectory.Resolve(Env(("VENVSTACKS_CACHE_DIR", custom), ("XDG_CACHE_HOME", "/x")), os, Home).ShouldBe(custom);
        }
    }

    [Fact]
    public void Linux_follows_xdg()
    {
        var xdg = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "xdg"));
        CacheDirectory.Resolve(Env(("XDG_CACHE_HOME", xdg)), OSPlatform.Linux, Home).ShouldBe(Path.Combine(xdg, "venvstacks-sdk"));
        CacheDirectory.Resolve(Env(), OSPlatform.Linux, Home).ShouldBe(Path.Combine(Home, ".cache", "venvstacks-sdk"));
        CacheDirectory.Resolve(Env(("XDG_CACHE_HOME", "relative/path")), OSPlatform.Linux, Home).ShouldBe(Path.Combine(Home, ".cache", "venvstacks-sdk"));
    }

    [Fact]
    public void MacOS_uses_library_caches_and_windows_local_app_data()
    {
        CacheDirectory.Resolve(Env(), OSPlatform.OSX, Home).ShouldBe(Path.Combine(Home, "Library", "Caches", "venvstacks-sdk"));
        CacheDirectory.Resolve(Env(("LOCALAPPDATA", Path.Combine(Home, "LAD"))), OSPlatform.Windows, Home).ShouldBe(Path.Combine(Home, "LAD", "venvstacks-sdk"));
    }

    [Fact]
    public void The_default_is_an_absolute_path()
    {
        Path.IsPathFullyQualified(CacheDirectory.GetDefault()).ShouldBeTrue();
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
