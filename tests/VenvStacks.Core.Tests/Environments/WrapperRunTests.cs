using System.Diagnostics;
using VenvStacks.Core.Environments;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>
/// A framework and an application written by LayerEnvironmentWriter over a fake runtime whose bin/python links to the
/// machine's python3, then run: the wrapper must start Python in the layer (sys.prefix), with the framework and the
/// runtime on sys.path through sitecustomize.py and the lower layers' dynlib folders on LD_LIBRARY_PATH.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WrapperRunTests : IDisposable
{
    private readonly StackFixture? _stack;

    public WrapperRunTests()
    {
        if (HostPython.Instance is { } python)
        {
            _stack = new StackFixture($"{python.Major}.{python.Minor}.0");
        }
    }

    public void Dispose() => _stack?.Dispose();

    [HostPythonFact]
    public async Task The_wrapped_python_runs_in_the_layer_and_sees_the_lower_layers()
    {
        var python = HostPython.Instance!;
        var stack = _stack!;
        var xy = $"{python.Major}.{python.Minor}";
        var runtime = Path.Combine(stack.BuildDirectory, "cpython-" + xy);
        Directory.CreateDirectory(Path.Combine(runtime, "bin"));
        Directory.CreateDirectory(Path.Combine(runtime, "lib"));
        File.CreateSymbolicLink(Path.Combine(runtime, "bin", "python"), python.Executable);
        Directory.CreateSymbolicLink(Path.Combine(runtime, "lib", "python" + xy), python.StandardLibrary);

        var framework = stack.Plan(stack.Framework, TargetPlatform.LinuxX64);
        var frameworkScheme = await LayerEnvironmentWriter.PrepareAsync(framework, CancellationToken.None);
        File.WriteAllText(Path.Combine(frameworkScheme.Purelib, "fwmod.py"), "VALUE = 42\n");
        await LayerEnvironmentWriter.FinishAsync(framework, stack.Record(stack.Framework, framework), CancellationToken.None);
        var app = stack.Plan(stack.Application, TargetPlatform.LinuxX64);
        await LayerEnvironmentWriter.PrepareAsync(app, CancellationToken.None);
        await LayerEnvironmentWriter.FinishAsync(app, stack.Record(stack.Application, app), CancellationToken.None);
        var appPython = Path.Combine(app.Layer.EnvironmentPath, "bin", "python");

        var prefix = Run(appPython, "-c", "import sys; print(sys.prefix)");
        var paths = Run(appPython, "-c", "import sys; print('\\n'.join(sys.path))").Split('\n');
        var libraryPath = Run(Path.Combine(app.Layer.EnvironmentPath, "bin", "python3"), "-c", "import os; print(os.environ['LD_LIBRARY_PATH'])");
        var launched = Run(appPython, "-m", "launch_app");

        prefix.ShouldBe(app.Layer.EnvironmentPath);
        var own = Array.IndexOf(paths, Path.Combine(app.Layer.EnvironmentPath, "lib", "python" + xy, "site-packages"));
        var lower = Array.IndexOf(paths, Path.Combine(framework.Layer.EnvironmentPath, "lib", "python" + xy, "site-packages"));
        var bottom = Array.IndexOf(paths, Path.Combine(runtime, "lib", "python" + xy, "site-packages"));
        own.ShouldBeGreaterThanOrEqualTo(0);
        lower.ShouldBeGreaterThan(own);
        bottom.ShouldBeGreaterThan(lower);
        var bin = Path.Combine(app.Layer.EnvironmentPath, "bin");
        libraryPath.ShouldBe($"{bin}/../../framework-base/share/venv/dynlib:{bin}/../../cpython-{xy}/share/venv/dynlib");
        launched.ShouldBe($"launched 42 {app.Layer.EnvironmentPath}");
    }

    [HostPythonFact]
    public async Task The_wrapper_refuses_to_run_without_its_bypass_link()
    {
        var python = HostPython.Instance!;
        var stack = _stack!;
        var runtime = Path.Combine(stack.BuildDirectory, $"cpython-{python.Major}.{python.Minor}", "bin");
        Directory.CreateDirectory(runtime);
        File.CreateSymbolicLink(Path.Combine(runtime, "python"), python.Executable);
        var framework = stack.Plan(stack.Framework, TargetPlatform.LinuxX64);
        await LayerEnvironmentWriter.PrepareAsync(framework, CancellationToken.None);
        var bin = Path.Combine(framework.Layer.EnvironmentPath, "bin");
        File.Delete(Path.Combine(bin, "python_"));

        var (exitCode, errors) = RunFailing(Path.Combine(bin, "python"), "-c", "pass");

        exitCode.ShouldBe(2);
        errors.ShouldBe($"Invalid base Python symlink: {bin}/python_\n");
    }

    private static (int ExitCode, string Errors) RunFailing(string executable, params string[] arguments)
    {
        using var process = Start(executable, arguments);
        var errors = process.StandardError.ReadToEnd();
        Finish(process, executable);
        return (process.ExitCode, errors);
    }

    private static Process Start(string executable, string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("LD_LIBRARY_PATH");
        start.Environment.Remove("PYTHONPATH");
        start.Environment.Remove("PYTHONHOME");
        return Process.Start(start)!;
    }

    private static void Finish(Process process, string executable)
    {
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} did not finish");
        }
    }

    private static string Run(string executable, params string[] arguments)
    {
        using var process = Start(executable, arguments);
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Finish(process, executable);
        process.ExitCode.ShouldBe(0, $"{executable} {string.Join(' ', arguments)} failed: {errors.Result}");
        return output.TrimEnd('\n');
    }
}
