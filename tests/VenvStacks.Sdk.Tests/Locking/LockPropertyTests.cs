using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Sdk.Tests.Locking;

/// <summary>The lock properties' defaults: Locked under ContinuousIntegrationBuild (from the command line or the project), Auto otherwise, explicit values win.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class LockPropertyTests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("", "", "Auto")]
    [InlineData("-p:ContinuousIntegrationBuild=true", "", "Locked")]
    [InlineData("", "<PropertyGroup><ContinuousIntegrationBuild>true</ContinuousIntegrationBuild></PropertyGroup>", "Locked")]
    [InlineData("-p:ContinuousIntegrationBuild=true -p:VenvStacksLockMode=Update", "", "Update")]
    public Task The_lock_mode_defaults_to_Locked_only_in_continuous_integration(string arguments, string projectContent, string expected) => fixture.RunInProjectAsync(output, async project =>
    {
        project.WithProjectContent(projectContent);

        var properties = await project.GetPropertiesAsync(
            arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            "VenvStacksLockMode", "VenvStacksUpgrade", "VenvStacksNoIndex", "VenvStacksOffline");

        properties["VenvStacksLockMode"].ShouldBe(expected);
        properties["VenvStacksUpgrade"].ShouldBe("false");
        properties["VenvStacksNoIndex"].ShouldBe("false");
        properties["VenvStacksOffline"].ShouldBe("false");
    });
}
