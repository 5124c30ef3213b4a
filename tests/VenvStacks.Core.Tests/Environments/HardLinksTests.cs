using VenvStacks.Core.Environments;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>Hard links, and the copy made where the file system cannot link.</summary>
public sealed class HardLinksTests : IDisposable
{
    private readonly BuildFolder _build = new();

    public void Dispose() => _build.Dispose();

    [Fact]
    public async Task Same_file_system_gets_a_hard_link()
    {
        var source = Path.Combine(_build.Root, "source.so");
        File.WriteAllText(source, "one");
        var link = Path.Combine(_build.Root, "link.so");

        await HardLinks.CreateOrCopyAsync(link, source, CancellationToken.None);
        File.AppendAllText(source, " two");

        File.ReadAllText(link).ShouldBe("one two");
    }

    [CrossDeviceFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Another_file_system_gets_a_copy_with_the_same_permissions()
    {
        var otherDevice = Path.Combine(CrossDeviceFactAttribute.OtherFileSystem, "vstk-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(otherDevice, "one");
        try
        {
            File.SetUnixFileMode(otherDevice, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var link = Path.Combine(_build.Root, "copy.so");

            Should.Throw<IOException>(() => HardLinks.Create(link, otherDevice));
            await HardLinks.CreateOrCopyAsync(link, otherDevice, CancellationToken.None);
            File.AppendAllText(otherDevice, " two");

            File.ReadAllText(link).ShouldBe("one");
            File.GetUnixFileMode(link).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        finally
        {
            File.Delete(otherDevice);
        }
    }
}

/// <summary>A fact that needs /dev/shm on another file system than the temp folder (true on typical Linux hosts).</summary>
internal sealed class CrossDeviceFactAttribute : FactAttribute
{
    public const string OtherFileSystem = "/dev/shm";

    public CrossDeviceFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(OtherFileSystem) || SameDevice())
        {
            Skip = "No second file system (/dev/shm) to hard-link across.";
        }
    }

    private static bool SameDevice()
    {
        // Hard-linking a probe file tells directly whether the two folders share a file system.
        var probe = Path.Combine(OtherFileSystem, "vstk-probe-" + Guid.NewGuid().ToString("N"));
        var link = Path.Combine(Path.GetTempPath(), "vstk-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, string.Empty);
            HardLinks.Create(link, probe);
            File.Delete(link);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
