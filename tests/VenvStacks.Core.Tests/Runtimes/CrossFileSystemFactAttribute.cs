using VenvStacks.TestSupport.Python;

namespace VenvStacks.Core.Tests.Runtimes;

/// <summary>A fact that needs a writable folder on another file system than the temporary folder (Linux's
/// <c>/dev/shm</c> tmpfs); skipped where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CrossFileSystemFactAttribute : FactAttribute
{
    /// <summary>The folder on another file system.</summary>
    public const string OtherFileSystem = "/dev/shm";

    public CrossFileSystemFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(OtherFileSystem) || Device(OtherFileSystem) == Device(Path.GetTempPath()))
        {
            Skip = $"{OtherFileSystem} is not a separate file system here.";
        }
    }

    private static string Device(string path)
    {
        var stat = ExternalProcess.RunAsync("stat", ["-c", "%d", path]).GetAwaiter().GetResult();
        return stat.ExitCode == 0 ? stat.StandardOutput.Trim() : path;
    }
}
