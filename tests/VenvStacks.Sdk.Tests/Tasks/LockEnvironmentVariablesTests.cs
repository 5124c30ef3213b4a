using VenvStacks.Tasks;

namespace VenvStacks.Sdk.Tests.Tasks;

/// <summary>Locking reads exactly the documented environment variables and hands each part to the engine explicitly.</summary>
public sealed class LockEnvironmentVariablesTests
{
    private static readonly LockEnvironmentVariables Variables = LockEnvironmentVariables.From(
    [
        KeyValuePair.Create("UV_EXCLUDE_NEWER", "2025-08-27"),
        KeyValuePair.Create("MACOSX_DEPLOYMENT_TARGET", "14.0"),
        KeyValuePair.Create("NETRC", "/home/me/.netrc"),
        KeyValuePair.Create("UV_INDEX_PRIVATE_USERNAME", "me"),
        KeyValuePair.Create("UV_INDEX_PRIVATE_PASSWORD", "secret"),
        KeyValuePair.Create("HOME", "/home/me"),
        KeyValuePair.Create("UV_CACHE_DIR", "/tmp/uv"),
        KeyValuePair.Create("UV_INDEX_EMPTY_PASSWORD", string.Empty),
    ]);

    [Fact]
    public void Only_the_documented_variables_are_kept() =>
        Variables.Values.Keys.ShouldBe(["MACOSX_DEPLOYMENT_TARGET", "NETRC", "UV_EXCLUDE_NEWER", "UV_INDEX_PRIVATE_PASSWORD", "UV_INDEX_PRIVATE_USERNAME"]);

    [Fact]
    public void The_spec_is_loaded_with_the_two_variables_venvstacks_reads_while_loading() =>
        Variables.SpecLoadOptions.EnvironmentVariables.Keys.ShouldBe(["MACOSX_DEPLOYMENT_TARGET", "UV_EXCLUDE_NEWER"], ignoreOrder: true);

    [Fact]
    public void The_index_client_gets_the_credential_variables() =>
        Variables.Credentials.Keys.ShouldBe(["NETRC", "UV_INDEX_PRIVATE_PASSWORD", "UV_INDEX_PRIVATE_USERNAME"], ignoreOrder: true);

    [Fact]
    public void The_home_folder_is_passed_too_so_netrc_is_found_without_asking_the_process()
    {
        var withHome = LockEnvironmentVariables.From([KeyValuePair.Create("NETRC", "/etc/netrc")], home: "/home/me");

        withHome.Credentials["HOME"].ShouldBe("/home/me");
        withHome.HashLines().ShouldBe(["env NETRC=/etc/netrc"]);
    }

    [Fact]
    public void Hash_lines_never_contain_a_credential_value()
    {
        var lines = Variables.HashLines().ToList();

        lines.ShouldContain("env UV_EXCLUDE_NEWER=2025-08-27");
        lines.ShouldContain("env UV_INDEX_PRIVATE_PASSWORD is set");
        lines.ShouldNotContain(l => l.Contains("secret", StringComparison.Ordinal) || l.Contains("=me", StringComparison.Ordinal));
    }
}
