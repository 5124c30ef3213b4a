using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Packaging.Tests.Pep751;

public sealed class PyLockModelTests
{
    [Fact]
    public void Locks_with_the_same_content_are_equal()
    {
        static PyLock Make() => new()
        {
            CreatedBy = "uv",
            Extras = ["a"],
            Packages = [new PyLockPackage { Name = "x", Wheels = [new PyLockWheel { Url = "u", Hashes = new Dictionary<string, string> { ["sha256"] = "1" } }] }],
            Tool = new Dictionary<string, object> { ["t"] = new List<object> { 1, "two" } },
        };

        Make().ShouldBe(Make());
        (Make() with { Extras = ["b"] }).ShouldNotBe(Make());
        (Make() with { Tool = null }).ShouldNotBe(Make());
    }

    [Fact]
    public void Offset_date_times_with_different_offsets_are_different_values()
    {
        var utc = new PyLock { CreatedBy = "uv", Unknown = new Dictionary<string, object> { ["t"] = new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero) } };
        var plusOne = new PyLock { CreatedBy = "uv", Unknown = new Dictionary<string, object> { ["t"] = new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.FromHours(1)) } };

        utc.ShouldNotBe(plusOne);
    }

    [Fact]
    public void Collections_given_to_a_lock_are_copied()
    {
        var extras = new List<string> { "a" };
        var lockFile = new PyLock { CreatedBy = "uv", Extras = extras };

        extras.Add("b");

        lockFile.Extras.ShouldBe(["a"]);
    }

    [Fact]
    public void Values_that_toml_cannot_hold_are_rejected() =>
        Should.Throw<ArgumentException>(() => new PyLock { CreatedBy = "uv", Unknown = new Dictionary<string, object> { ["x"] = new Uri("https://x") } });

    [Theory]
    [InlineData(null, "https://x/simple/pkg/pkg-1.0%2Bcpu-py3-none-any.whl?hash=1#frag", "pkg-1.0+cpu-py3-none-any.whl")]
    [InlineData("../wheels/pkg-1.0-py3-none-any.whl", null, "pkg-1.0-py3-none-any.whl")]
    [InlineData(null, null, null)]
    public void A_wheel_file_name_comes_from_its_path_or_url(string? path, string? url, string? expected) =>
        new PyLockWheel { Path = path, Url = url }.FileName.ShouldBe(expected);

    [Fact]
    public void An_explicit_wheel_name_wins() =>
        new PyLockWheel { Name = "a-1-py3-none-any.whl", Url = "https://x/b.whl" }.FileName.ShouldBe("a-1-py3-none-any.whl");
}
