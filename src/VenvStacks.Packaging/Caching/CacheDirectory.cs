using System.Runtime.InteropServices;

namespace VenvStacks.Packaging.Caching;

/// <summary>
/// The per-user cache folder: <c>$VENVSTACKS_CACHE_DIR</c> when set; otherwise
/// <c>$XDG_CACHE_HOME/venvstacks-sdk</c> or <c>~/.cache/venvstacks-sdk</c> on Linux,
/// <c>~/Library/Caches/venvstacks-sdk</c> on macOS and <c>%LOCALAPPDATA%\venvstacks-sdk</c> on Windows.
/// </summary>
public static class CacheDirectory
{
    /// <summary>The environment variable that overrides the default location.</summary>
    public const string EnvironmentVariable = "VENVSTACKS_CACHE_DIR";

    private const string FolderName = "venvstacks-sdk";

    /// <summary>The default cache folder for the current user and operating system.</summary>
    /// <returns>An absolute path (the folder may not exist yet).</returns>
    public static string GetDefault() => Resolve(
        Environment.GetEnvironmentVariable,
        OperatingSystem.IsWindows() ? OSPlatform.Windows : OperatingSystem.IsMacOS() ? OSPlatform.OSX : OSPlatform.Linux,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The rule behind <see cref="GetDefault"/>, with its inputs explicit.</summary>
    internal static string Resolve(Func<string, string?> environment, OSPlatform os, string home)
    {
        var overridden = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return Path.GetFullPath(overridden);
        }

        if (os == OSPlatform.Windows)
        {
            var localAppData = environment("LOCALAPPDATA");
            var root = string.IsNullOrWhiteSpace(localAppData) ? Path.Combine(home, "AppData", "Local") : localAppData;
            return Path.Combine(root, FolderName);
        }

        if (os == OSPlatform.OSX)
        {
            return Path.Combine(home, "Library", "Caches", FolderName);
        }

        // XDG: a relative XDG_CACHE_HOME is invalid and must be ignored.
        var xdg = environment("XDG_CACHE_HOME");
        return !string.IsNullOrWhiteSpace(xdg) && Path.IsPathFullyQualified(xdg)
            ? Path.Combine(xdg, FolderName)
            : Path.Combine(home, ".cache", FolderName);
    }
}
