using VenvStacks.Core.Building;

namespace VenvStacks.Core.Tests.Building;

/// <summary>How the build check reads what <c>python -m site</c> prints.</summary>
public sealed class LayerVerifierTests
{
    [Fact]
    public void The_sys_path_block_of_site_output_is_read_entry_by_entry()
    {
        const string output = """
            sys.path = [
                '/b/app-x',
                '/b/cpython-3.11/lib/python311.zip',
                '/b/app-x/lib/python3.11/site-packages',
                "/b/it's/site-packages",
                'C:\\b\\fw\\Lib\\site-packages',
            ]
            USER_BASE: '/home/user/.local' (doesn't exist)
            ENABLE_USER_SITE: False
            """;

        LayerVerifier.SysPath(output).ShouldBe(
        [
            "/b/app-x", "/b/cpython-3.11/lib/python311.zip", "/b/app-x/lib/python3.11/site-packages", "/b/it's/site-packages", @"C:\b\fw\Lib\site-packages",
        ]);
    }

    [Fact]
    public async Task A_missing_interpreter_is_reported_not_thrown()
    {
        var problem = await LayerVerifier.CheckAsync(Path.Combine(Path.GetTempPath(), "no-such-layer", "bin", "python"), [], CancellationToken.None);

        problem.ShouldNotBeNull().ShouldContain("cannot be started");
    }
}
