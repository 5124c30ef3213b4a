using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Sdk.Tests.Sdk;

/// <summary>What a bare <c>&lt;Project Sdk="VenvStacks.Sdk" /&gt;</c> evaluates to, and that the defaults give way to the project.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class SdkDefaultsTests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task A_bare_stack_project_gets_the_SDK_defaults() => fixture.RunInProjectAsync(output, async project =>
    {
        var properties = await project.GetPropertiesAsync(
            [],
            "UsingVenvStacksSdk", "TargetFramework", "DisableFastUpToDateCheck", "DisableImplicitFrameworkReferences",
            "IncludeBuildOutput", "VenvStacksSpec", "VenvStacksSdkVersion", "VenvStacksTasksAssembly", "VenvStacksShowFormat",
            "OutDir", "IsPackable");

        properties["UsingVenvStacksSdk"].ShouldBe("true");
        properties["TargetFramework"].ShouldBe("netstandard2.0");
        properties["DisableFastUpToDateCheck"].ShouldBe("true");
        properties["DisableImplicitFrameworkReferences"].ShouldBe("true");
        properties["IncludeBuildOutput"].ShouldBe("false");
        properties["VenvStacksSpec"].ShouldBe(project.SpecPath);
        properties["VenvStacksSdkVersion"].ShouldBe(fixture.Sdk.Version);
        properties["VenvStacksTasksAssembly"].ShouldBe(Path.Combine(
            project.PackagesDirectory, "venvstacks.sdk", fixture.Sdk.Version.ToLowerInvariant(), "tasks", "net8.0", "VenvStacks.Tasks.dll"));
        properties["VenvStacksShowFormat"].ShouldBe("tree");
        properties["OutDir"].Replace('\\', '/').ShouldBe("bin/Debug/", "the nominal framework must not appear in output paths");
        properties["IsPackable"].ShouldBe("false");
    });

    [Fact]
    public Task Project_settings_override_the_defaults() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithProjectContent("""
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <DisableFastUpToDateCheck>false</DisableFastUpToDateCheck>
                <VenvStacksSpec>specs/other.toml</VenvStacksSpec>
                <VenvStacksShowFormat>json</VenvStacksShowFormat>
                <IncludeBuildOutput>true</IncludeBuildOutput>
              </PropertyGroup>
            """);

        var properties = await project.GetPropertiesAsync(
            [], "TargetFramework", "DisableFastUpToDateCheck", "_VenvStacksSpecPath", "VenvStacksShowFormat", "IncludeBuildOutput");

        properties["TargetFramework"].ShouldBe("net8.0");
        properties["DisableFastUpToDateCheck"].ShouldBe("false");
        properties["_VenvStacksSpecPath"].ShouldBe(Path.Combine(project.ProjectDirectory, "specs", "other.toml"), "relative spec paths are taken from the project folder");
        properties["VenvStacksShowFormat"].ShouldBe("json");
        properties["IncludeBuildOutput"].ShouldBe("true");
    });

    [Fact]
    public Task Custom_before_and_after_hooks_are_imported() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithFile("before.props", "<Project><PropertyGroup><MarkerBeforeProps>seen</MarkerBeforeProps></PropertyGroup></Project>");
        project.WithFile("after.targets", "<Project><PropertyGroup><MarkerAfterTargets>$(UsingVenvStacksSdk)</MarkerAfterTargets></PropertyGroup></Project>");

        var properties = await project.GetPropertiesAsync(
            ["-p:CustomBeforeVenvStacksProps=" + Path.Combine(project.ProjectDirectory, "before.props"),
             "-p:CustomAfterVenvStacksTargets=" + Path.Combine(project.ProjectDirectory, "after.targets")],
            "MarkerBeforeProps", "MarkerAfterTargets");

        properties["MarkerBeforeProps"].ShouldBe("seen");
        properties["MarkerAfterTargets"].ShouldBe("true");
    });

}
