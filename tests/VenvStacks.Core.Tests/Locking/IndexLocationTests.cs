using System.Collections.Immutable;
using VenvStacks.Core.Locking;

namespace VenvStacks.Core.Tests.Locking;

/// <summary>
/// A package index that is a local folder can only be checked when locking: a missing folder is VSTK2108 naming the
/// folder, at the index's <c>url</c> in the spec, instead of "no package named ..." for every requirement.
/// </summary>
public sealed class IndexLocationTests : IDisposable
{
    private readonly SpecFiles _files = new();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "vstk-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _files.Dispose();
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Theory]
    [InlineData("not a url", "")]
    [InlineData("missing/wheels", "")]
    [InlineData("missing/wheels", "format = \"flat\"\n")]
    public async Task A_missing_local_index_folder_is_reported_at_its_url_naming_the_folder(string url, string extra)
    {
        var load = _files.Load($"""
            [[runtimes]]
            name = "cpython-3.11"
            python_implementation = "cpython@3.11.11"
            requirements = ["quillon"]

            [[tool.uv.index]]
            name = "local"
            url = "{url}"
            default = true
            {extra}
            """);
        var spec = load.Spec.ShouldNotBeNull(string.Join("\n", load.Diagnostics));
        using var resolver = new IndexPlatformResolver(spec, LockEnvironment.Default with { CacheDirectory = _cache, EnvironmentVariables = ImmutableDictionary<string, string>.Empty });

        var result = await new LockEngine(resolver).LockAsync(spec, LockOptions.Default, null, CancellationToken.None);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK2108");
        error.Message.ShouldContain(Path.Combine(_files.Directory, url));
        error.Message.ShouldContain("does not exist");
        error.Location!.File.ShouldBe(_files.SpecPath);
        error.Location.Line.ShouldBe(8);
        Directory.Exists(Path.Combine(_files.Directory, "requirements")).ShouldBeFalse();
    }
}
