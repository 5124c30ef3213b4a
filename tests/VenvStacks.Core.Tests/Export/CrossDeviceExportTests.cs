using System.Diagnostics;
using VenvStacks.Core.Export;

namespace VenvStacks.Core.Tests.Export;

/// <summary>Export to another file system than the build's, where hard links are impossible: files are copied.</summary>
public sealed class CrossDeviceExportTests : IAsyncLifetime
{
    private readonly string _output = Path.Combine(CrossDeviceFactAttribute.OtherDevice, "vstk-export-" + Guid.NewGuid().ToString("N")[..12]);
    private TestStack _stack = null!;

    public async Task InitializeAsync() => _stack = await TestStack.CreateAsync(runtime: null);

    public Task DisposeAsync()
    {
        _stack.Dispose();
        Folders.TryDelete(_output);
        return Task.CompletedTask;
    }

    [CrossDeviceFact]
    public async Task Files_are_copied_with_their_modes_when_the_export_folder_is_on_another_device()
    {
        var result = await _stack.ExportAsync(_output, ExportPostInstall.Skip);

        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        result.Layers.ShouldAllBe(l => l.Copy!.HardLinked == 0 && l.Copy.Copied == l.Copy.Files && l.Copy.Files > 0);
        foreach (var (layer, deployed) in new[] { ("framework-base", "framework-base@1"), ("app-demo", "app-demo") })
        {
            var built = Folders.Snapshot(Path.Combine(_stack.BuildDirectory, layer), SkipBuildOnly);
            var exported = Folders.Snapshot(Path.Combine(_output, deployed), SkipBuildOnly);

            // Only the application's wrapper differs: it names the framework's deployed folder.
            Folders.Differences(built, exported).Select(d => d.Split(':')[0]).ShouldBe(layer == "app-demo" ? ["bin/python"] : []);
        }
    }

    // What export leaves out or adds on purpose.
    private static bool SkipBuildOnly(string relative) =>
        relative is "pyvenv.cfg" or "postinstall.py" || relative.EndsWith("sitecustomize.py", StringComparison.Ordinal);
}

/// <summary>A fact that needs /dev/shm on another device than the temp folder (true on Linux hosts with tmpfs there).</summary>
internal sealed class CrossDeviceFactAttribute : FactAttribute
{
    public const string OtherDevice = "/dev/shm";

    public CrossDeviceFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(OtherDevice) || Device(OtherDevice) == Device(Path.GetTempPath()))
        {
            Skip = $"Needs {OtherDevice} on another file system than {Path.GetTempPath()}.";
        }
    }

    private static string Device(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["--format=%d", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return output.Trim();
    }
}
