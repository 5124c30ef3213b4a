using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Packaging.Tests.VenvstacksTargets;

public sealed class PythonImplementationTests
{
    [Fact]
    public void CPython_declaration_gives_the_marker_names_and_versions()
    {
        var implementation = PythonImplementation.Parse("cpython@3.14.0b1");

        implementation.Name.ShouldBe("cpython");
        implementation.PlatformPythonImplementation.ShouldBe("CPython");
        implementation.IsCPython.ShouldBeTrue();
        implementation.Version.ShouldBe("3.14.0b1");
        implementation.Major.ShouldBe(3);
        implementation.Minor.ShouldBe(14);
        implementation.MajorMinor.ShouldBe("3.14");
        implementation.ToString().ShouldBe("cpython@3.14.0b1");
    }

    [Fact]
    public void PyPy_declaration_is_recognised()
    {
        var implementation = PythonImplementation.Parse("pypy@3.11.13");

        implementation.Name.ShouldBe("pypy");
        implementation.PlatformPythonImplementation.ShouldBe("PyPy");
        implementation.IsCPython.ShouldBeFalse();
        implementation.MajorMinor.ShouldBe("3.11");
    }

    [Theory]
    [InlineData("cpython", "Python implementation must be of the form 'cpython@X.Y.Z' or 'pypy@X.Y.Z', not 'cpython'", 0, 7)]
    [InlineData("jython@2.7.3", "Python implementation must be one of ['cpython', 'pypy'], not 'jython'", 0, 6)]
    [InlineData("CPython@3.12.1", "Python implementation must be one of ['cpython', 'pypy'], not 'CPython'", 0, 7)]
    [InlineData("cpython@3.13", "Python version must be of the form 'X.Y.Z' (optionally with a pre-release suffix such as 'b1'), not '3.13'", 8, 4)]
    [InlineData("cpython@3.13.1.2", "Python version must be of the form 'X.Y.Z' (optionally with a pre-release suffix such as 'b1'), not '3.13.1.2'", 8, 8)]
    [InlineData("cpython@latest", "Python version must be of the form 'X.Y.Z' (optionally with a pre-release suffix such as 'b1'), not 'latest'", 8, 6)]
    [InlineData("cpython@3.13.1+local", "Python version must be of the form 'X.Y.Z' (optionally with a pre-release suffix such as 'b1'), not '3.13.1+local'", 8, 12)]
    [InlineData("cpython@3.14.0-beta1", "Python version must be of the form 'X.Y.Z' (optionally with a pre-release suffix such as 'b1'), not '3.14.0-beta1'", 8, 12)]
    [InlineData("cpython@99999999999.1.0", "Python version must be of the form 'X.Y.Z' (optionally with a pre-release suffix such as 'b1'), not '99999999999.1.0'", 8, 15)]
    public void Unknown_implementations_and_inexact_versions_are_rejected(string value, string message, int position, int length)
    {
        var error = Should.Throw<PackagingFormatException>(() => PythonImplementation.Parse(value));

        error.Message.ShouldBe(message);
        error.Position.ShouldBe(position);
        error.Length.ShouldBe(length);
    }
}
