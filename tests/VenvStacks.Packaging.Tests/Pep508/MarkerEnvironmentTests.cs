using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Tests.Pep508;

public sealed class MarkerEnvironmentTests
{
    [Fact]
    public void Is_a_read_only_view_of_the_given_variables()
    {
        var environment = TestEnvironments.LinuxCPython311;

        environment["sys_platform"].ShouldBe("linux");
        environment.Count.ShouldBe(11);
        environment.ContainsKey("extra").ShouldBeFalse();
        environment.Extra.ShouldBeNull();
    }

    [Fact]
    public void With_methods_return_modified_copies()
    {
        var original = TestEnvironments.LinuxCPython311;

        var changed = original.WithExtra("Test").With("python_version", "3.12").With("os_name", null).WithExtras(["a"]).WithDependencyGroups(["g"]);

        changed.Extra.ShouldBe("Test");
        changed["python_version"].ShouldBe("3.12");
        changed.ContainsKey("os_name").ShouldBeFalse();
        changed.Extras.ShouldBe(["a"]);
        changed.DependencyGroups.ShouldBe(["g"]);
        original["python_version"].ShouldBe("3.11");
        original.Extras.ShouldBeNull();
    }

    [Fact]
    public void Repairs_the_full_version_of_untagged_python_builds()
    {
        var environment = TestEnvironments.LinuxCPython311.With("python_full_version", "3.13.0+");

        Marker.Parse("python_full_version >= '3.13'").Evaluate(environment).ShouldBeTrue();
    }
}
