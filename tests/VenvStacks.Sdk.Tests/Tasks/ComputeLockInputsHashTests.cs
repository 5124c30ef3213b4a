using VenvStacks.Tasks;

namespace VenvStacks.Sdk.Tests.Tasks;

/// <summary>
/// The inputs hash behind LockLayers' cache file: it changes with every setting, the list of input files and the
/// documented environment variables, but never depends on a credential's value.
/// </summary>
public sealed class ComputeLockInputsHashTests
{
    private static readonly string[] Values = ["mode=Auto", "reset=", "no-index=false"];
    private static readonly string[] Files = ["/stack/venvstacks.toml", "/stack/requirements/app/pylock.app.toml"];

    [Fact]
    public void The_same_inputs_give_the_same_hash_whatever_the_file_order()
    {
        Hash(Values, Files).ShouldBe(Hash(Values, [.. Files.Reverse()]));
        Hash(Values, Files).ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void A_missing_input_file_changes_the_hash_although_no_timestamp_could_show_it() =>
        Hash(Values, Files[..1]).ShouldNotBe(Hash(Values, Files));

    [Fact]
    public void A_changed_setting_changes_the_hash() =>
        Hash(["mode=Locked", "reset=", "no-index=false"], Files).ShouldNotBe(Hash(Values, Files));

    [Theory]
    [InlineData("UV_EXCLUDE_NEWER", "2025-08-27")]
    [InlineData("MACOSX_DEPLOYMENT_TARGET", "14.0")]
    [InlineData("NETRC", "/home/me/.netrc")]
    [InlineData("UV_INDEX_PRIVATE_USERNAME", "me")]
    public void Setting_a_documented_variable_changes_the_hash(string name, string value) =>
        Hash(Values, Files, (name, value)).ShouldNotBe(Hash(Values, Files));

    [Fact]
    public void A_credential_counts_by_presence_only()
    {
        Hash(Values, Files, ("UV_INDEX_PRIVATE_PASSWORD", "secret-1")).ShouldBe(Hash(Values, Files, ("UV_INDEX_PRIVATE_PASSWORD", "secret-2")));
        Hash(Values, Files, ("UV_INDEX_PRIVATE_PASSWORD", "secret-1")).ShouldNotBe(Hash(Values, Files));
    }

    [Fact]
    public void Other_variables_do_not_count() =>
        Hash(Values, Files, ("PATH", "/usr/bin"), ("UV_CACHE_DIR", "/tmp/uv")).ShouldBe(Hash(Values, Files));

    private static string Hash(string[] values, string[] files, params (string Name, string Value)[] variables) =>
        ComputeLockInputsHash.Compute(
            values,
            files,
            LockEnvironmentVariables.From(variables.Select(v => KeyValuePair.Create(v.Name, v.Value))));
}
