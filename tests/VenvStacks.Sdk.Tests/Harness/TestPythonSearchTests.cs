using VenvStacks.TestSupport.Python;

namespace VenvStacks.Sdk.Tests.Harness;

/// <summary>How tests find a CPython: the documented order, and candidates that do not fit are passed over.</summary>
public sealed class TestPythonSearchTests
{
    [Fact]
    public void Candidates_come_from_the_variable_then_path_then_pyenv_newest_patch_first()
    {
        using var scratch = new ScratchFolder("search");
        var first = Executable(scratch.Combine("path1", "python3.12"));
        var generic = Executable(scratch.Combine("path2", "python3"));
        Executable(scratch.Combine("path2", "python3.12"));
        var pyenv = scratch.Combine("pyenv");
        foreach (var version in new[] { "3.12.1", "3.12.10", "3.12.9", "3.11.4", "3.13.0" })
        {
            Executable(Path.Combine(pyenv, "versions", version, "bin", "python" + version[..version.LastIndexOf('.')]));
        }

        Executable(Path.Combine(pyenv, "versions", "3.12-dev", "bin", "python3.12"));
        Directory.CreateDirectory(Path.Combine(pyenv, "versions", "3.12.5"));
        var search = new TestPythonSearch("/configured/python", [scratch.Combine("path1"), scratch.Combine("path2")], pyenv);

        search.Candidates(PythonRequest.Python312).ShouldBe(
        [
            "/configured/python",
            first,
            generic,
            PyenvPython(pyenv, "3.12.10"),
            PyenvPython(pyenv, "3.12.9"),
            PyenvPython(pyenv, "3.12.1"),
        ]);
        search.Candidates(PythonRequest.Any).ShouldBe(
        [
            "/configured/python",
            generic,
            first,
            PyenvPython(pyenv, "3.11.4"),
            PyenvPython(pyenv, "3.12.10"),
            PyenvPython(pyenv, "3.12.9"),
            PyenvPython(pyenv, "3.12.1"),
            PyenvPython(pyenv, "3.13.0"),
        ]);
    }

    [TestPythonFact]
    public void An_interpreter_that_fails_is_not_cpython_or_has_another_version_is_passed_over()
    {
        var real = TestPython.Find(PythonRequest.Any).ShouldNotBeNull();
        using var scratch = new ScratchFolder("search");
        var configured = FakePython(scratch.Combine("fake", "configured"), "cpython", "3.99.0");
        FakePython(scratch.Combine("path", "python3"), "pypy", real.Version);
        Script(scratch.Combine("path", $"python{real.MinorVersion}"), "echo 'pyenv: command not found' >&2\nexit 127\n");
        var pyenv = scratch.Combine("pyenv");
        var linked = Path.Combine(pyenv, "versions", real.MinorVersion + ".99", "bin", "python" + real.MinorVersion);
        Directory.CreateDirectory(Path.GetDirectoryName(linked)!);
        File.CreateSymbolicLink(linked, real.Executable);
        var search = new TestPythonSearch(configured, [scratch.Combine("path")], pyenv);
        var request = new PythonRequest(real.Major, real.Minor, OrNewer: false);

        var found = search.Find(request).ShouldNotBeNull();

        found.FoundAs.ShouldBe(linked);
        found.Version.ShouldBe(real.Version);
        found.Prefix.ShouldBe(real.Prefix);
        search.Find(new PythonRequest(3, 99, OrNewer: false)).ShouldNotBeNull().FoundAs.ShouldBe(configured);
        search.Find(new PythonRequest(3, 98, OrNewer: false)).ShouldBeNull();
        search.DescribeMissing(new PythonRequest(3, 98, OrNewer: false), TestPythonNeeds.Pip)
            .ShouldContain(TestPython.EnvironmentVariable);
    }

    [TestPythonFact]
    public async Task The_default_python_is_what_it_says_it_is()
    {
        var python = TestPython.Find(PythonRequest.Any).ShouldNotBeNull();

        var output = (await ExternalProcess.RunAsync(python.Executable, ["-I", "-c", "import platform, sys; print(platform.python_version()); print(sys.base_prefix)"]))
            .EnsureSuccess("python");

        output.StandardOutput.Split('\n')[0].ShouldStartWith(python.Version);
        output.StandardOutput.Split('\n')[1].Trim().ShouldBe(python.Prefix);
        (python.Major, python.Minor).ShouldBe((3, python.Minor));
        python.Minor.ShouldBeGreaterThanOrEqualTo(11);
        python.CPythonTag.ShouldBe($"cp3{python.Minor}");
        if (python.BundledWheelsDirectory is not null)
        {
            python.BundledWheels.ShouldContain(w => Path.GetFileName(w).StartsWith("pip-", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("any", 3, 11, true)]
    [InlineData("", 3, 11, true)]
    [InlineData("3.12", 3, 12, false)]
    [InlineData("3.11+", 3, 11, true)]
    public void Requests_parse(string text, int major, int minor, bool orNewer) =>
        PythonRequest.Parse(text).ShouldBe(new PythonRequest(major, minor, orNewer));

    [Fact]
    public void A_request_that_is_not_a_version_is_refused() =>
        Should.Throw<FormatException>(() => PythonRequest.Parse("3")).Message.ShouldContain("'3'");

    private static string PyenvPython(string pyenv, string version) =>
        Path.Combine(pyenv, "versions", version, "bin", "python" + version[..version.LastIndexOf('.')]);

    private static string Executable(string path) => Script(path, "exit 1\n");

    private static string Script(string path, string body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    // A program that answers the discovery probe like an interpreter of the given implementation and version.
    private static string FakePython(string path, string implementation, string version) => Script(path, $$"""
        echo '{"implementation": "{{implementation}}", "executable": "{{path}}", "version": "{{version}}", "prefix": "/fake", "bundled": null, "include": null, "ext_suffix": ".so", "pip": false}'

        """);
}
