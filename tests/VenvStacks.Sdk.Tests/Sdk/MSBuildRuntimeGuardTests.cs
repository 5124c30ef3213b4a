using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Sdk.Tests.Sdk;

/// <summary>The SDK refuses, with a coded error, to run where its task assembly cannot load.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class MSBuildRuntimeGuardTests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("Full")]
    [InlineData("Mono")]
    public Task A_non_Core_MSBuild_gets_VSTK5001_before_any_task_loads(string runtimeType) => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("diamond");

        // MSBuildRuntimeType itself is reserved; the SDK reads it through a private property that tests may set.
        var result = await project.BuildAsync("-t:ShowLayers", "-p:_VenvStacksMSBuildRuntimeType=" + runtimeType);

        result.ShouldFail();
        var error = result.Log.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK5001");
        error.Message.ShouldContain(runtimeType);
        error.Message.ShouldContain("dotnet build");
        result.Log.TargetRan("ShowLayers").ShouldBeFalse();
        result.Output.ShouldNotContain("MSB4062");
    });

    [Fact]
    public Task A_missing_task_assembly_gets_VSTK5002_instead_of_a_load_failure() => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithAsset("diamond");
        var missing = Path.Combine(project.RootDirectory, "nowhere", "VenvStacks.Tasks.dll");

        var result = await project.BuildAsync("-p:VenvStacksTasksAssembly=" + missing);

        result.ShouldFail();
        var error = result.Log.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK5002");
        error.Message.ShouldContain(missing);
    });
}
