using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Sdk.Tests.Sdk;

/// <summary>Plain <c>dotnet build</c>, publish, clean and rebuild of a stack project, and a .NET project referencing one.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class BuildTests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task A_plain_build_validates_the_spec_and_exposes_the_layers() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("diamond");
        project.WithProjectContent("""
              <Target Name="PrintLayers" AfterTargets="ResolveStackLayers">
                <Message Importance="high" Text="LAYER %(VenvStacksLayer.Identity) kind=%(VenvStacksLayer.Kind) runtime=%(VenvStacksLayer.Runtime) frameworks=%(VenvStacksLayer.Frameworks)" />
              </Target>
            """);

        var result = await project.BuildAsync();

        result.ShouldSucceed();
        result.Log.TargetRan("VenvStacksBuild").ShouldBeTrue();
        result.Log.TargetRan("ResolveStackLayers").ShouldBeTrue();
        result.Log.HighImportanceMessages.Where(m => m.StartsWith("LAYER ", StringComparison.Ordinal)).ShouldBe(
        [
            "LAYER cpython-3.11 kind=Runtime runtime=cpython-3.11 frameworks=",
            "LAYER framework-A kind=Framework runtime=cpython-3.11 frameworks=",
            "LAYER framework-B kind=Framework runtime=cpython-3.11 frameworks=framework-A",
            "LAYER framework-C kind=Framework runtime=cpython-3.11 frameworks=framework-A",
            "LAYER framework-D kind=Framework runtime=cpython-3.11 frameworks=framework-B;framework-C;framework-A",
            "LAYER app-app kind=Application runtime=cpython-3.11 frameworks=framework-D;framework-B;framework-C;framework-A",
        ]);
    });

    [Fact]
    public Task A_plain_build_of_a_bad_spec_fails() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("bad-specs");

        var result = await project.BuildAsync("-p:VenvStacksSpec=bad_requirement.toml");

        result.ShouldFail();
        result.Log.Errors.ShouldNotBeEmpty();
        result.Log.Errors.ShouldAllBe(e => e.Code.StartsWith("VSTK"));
    });

    [Fact]
    public Task Design_time_builds_do_not_touch_the_stack() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("bad-specs");

        var result = await project.BuildAsync("-p:VenvStacksSpec=bad_requirement.toml", "-p:DesignTimeBuild=true");

        result.ShouldSucceed();
        result.Log.TargetRan("CoreBuild").ShouldBeTrue();
        result.Log.TargetRan("VenvStacksBuild").ShouldBeFalse();
        result.Log.TargetRan("ResolveStackLayers").ShouldBeFalse();
    });

    [Fact]
    public Task Publish_clean_and_rebuild_work_on_a_stack_project() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("diamond");

        (await project.PublishAsync()).ShouldSucceed().Log.TargetRan("ResolveStackLayers").ShouldBeTrue();
        (await project.CleanAsync()).ShouldSucceed();
        (await project.BuildAsync("--no-incremental")).ShouldSucceed().Log.TargetRan("Clean").ShouldBeTrue();
        Directory.EnumerateFiles(Path.Combine(project.ProjectDirectory, "bin"), "*.dll", SearchOption.AllDirectories)
            .ShouldBeEmpty("a stack project produces no assembly");
    });

    [Theory]
    [InlineData("", "")]
    [InlineData(" ReferenceOutputAssembly=\"false\"", "")]
    [InlineData("", "--no-restore -graph -isolate")]
    public Task A_dotnet_project_can_reference_the_stack(string referenceMetadata, string buildSwitches) => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("diamond");
        project.WithRootFile("app/app.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../stack/stack.venvproj"{referenceMetadata} />
              </ItemGroup>
            </Project>
            """);
        project.WithRootFile("app/Greeting.cs", "namespace App; public static class Greeting { public const string Text = \"hi\"; }\n");

        // Restore is not isolation-aware (it walks references itself), so isolated graph builds restore first.
        (await project.RunOnAsync("app/app.csproj", "restore", [])).ShouldSucceed();
        var result = await project.RunOnAsync("app/app.csproj", "build", buildSwitches.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        result.ShouldSucceed();
        result.Log.TargetRuns.Count(t => t.Name == "ResolveStackLayers" && t.ProjectFile == project.ProjectPath)
            .ShouldBe(1, "the stack is built once, whatever the consumer's framework");
        File.Exists(Path.Combine(project.RootDirectory, "app", "bin", "Debug", "net10.0", "app.dll")).ShouldBeTrue();
    });
}
