using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IndexSelection;
using VenvStacks.Packaging.Resolution;
using VenvStacks.Packaging.Tests.Index;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>
/// pip 23.2 as an oracle: indexes of generated wheels are served on 127.0.0.1, and the resolver (through the index
/// client) must pick the same versions as <c>pip install --dry-run --only-binary :all:</c> for this machine's
/// CPython 3.11 on linux_x86_64. The indexes avoid the documented differences (pre-release opt-in and yanked
/// versions, see docs/conformance.md).
/// </summary>
[Trait("Category", "Integration")]
public sealed class PipDifferentialTests
{
    private const string Linux = "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64";

    public static TheoryData<string> Scenarios => [.. All.Keys];

    private static readonly Dictionary<string, (WheelBuilder[] Wheels, string[] Requirements)> All = new()
    {
        ["extras and markers"] = (
            [
                W("app", "1.0").WithRequiresDist("lib[fast]>=1", "winonly ; sys_platform == 'win32'", "linuxonly ; sys_platform == 'linux'", "legacy ; python_version < '3.10'"),
                W("lib", "1.0").WithExtra("fast", "speedups>=2"),
                W("lib", "1.1").WithExtra("fast", "speedups>=2", "accel ; platform_machine == 'x86_64'"),
                W("speedups", "1.9"), W("speedups", "2.0"), W("speedups", "2.1"),
                W("accel", "0.5").WithTag(Linux), W("accel", "0.6").WithTag("cp311-cp311-win_amd64"),
                W("winonly", "1.0"), W("linuxonly", "3.0"), W("legacy", "1.0"),
            ],
            ["app"]),
        ["competing ranges"] = (
            [
                W("a", "1.0").WithRequiresDist("shared>=1.2,<2"),
                W("b", "1.0").WithRequiresDist("shared!=1.5,>=1.3"),
                W("c", "1.0").WithRequiresDist("shared~=1.4"),
                W("shared", "1.1"), W("shared", "1.2"), W("shared", "1.3"), W("shared", "1.4"), W("shared", "1.5"), W("shared", "1.6"), W("shared", "2.0"),
            ],
            ["a", "b", "c"]),
        ["backtracking"] = (
            [
                W("top", "1.0").WithRequiresDist("mid"),
                W("mid", "1.0").WithRequiresDist("base<2"),
                W("mid", "2.0").WithRequiresDist("base>=2"),
                W("mid", "2.1").WithRequiresDist("base>=2", "extra-dep"),
                W("other", "1.0").WithRequiresDist("base<2"),
                W("base", "1.0"), W("base", "1.5"), W("base", "2.0"),
                W("extra-dep", "1.0"),
            ],
            ["top", "other"]),
        ["python and platform filtering"] = (
            [
                W("tool", "1.0").WithRequiresDist("native", "modern"),
                W("native", "1.0").WithTag(Linux), W("native", "1.1").WithTag("cp312-cp312-manylinux_2_17_x86_64"),
                W("native", "1.2").WithTag("cp311-cp311-macosx_11_0_arm64"),
                W("modern", "1.0"), W("modern", "2.0").WithRequiresPython(">=3.12"),
            ],
            ["tool"]),
    };

    private static WheelBuilder W(string name, string version) => new(name, version);

    [PipFact]
    public async Task Deliberate_difference_a_transitive_pre_release_pin_does_not_opt_in()
    {
        // pip lets c==2.0.0b1 in a's metadata allow c's pre-releases; the resolver follows uv (packse
        // transitive-prerelease-and-stable-dependency): only root requirements and constraints opt in.
        using var cache = new TestFolder();
        await using var server = LocalIndexServer.Start(new LocalIndexServerOptions { Api = IndexApiMode.JsonAndHtml });
        foreach (var wheel in new[] { W("a", "1.0").WithRequiresDist("c==2.0.0b1"), W("b", "1.0").WithRequiresDist("c>=1.0,<=3.0"), W("c", "1.0"), W("c", "2.0.0b1") })
        {
            server.Add(wheel.Build());
        }

        var pip = await PipFactAttribute.Pip!.ResolveAsync(server.SimpleUri, "--only-binary", ":all:", "a", "b");
        using var client = new IndexClient(IndexTestBed.Options(cache));
        var provider = new IndexCandidateProvider(new PackageFinder(client, new IndexConfiguration([IndexTestBed.Default(server)])));

        pip.ShouldContain(item => item.Name == "c" && item.Version == "2.0.0b1");
        var error = await Should.ThrowAsync<ResolutionException>(() => new Resolver(provider).ResolveAsync(ResolverKit.Request("a", "b"), ResolverKit.Linux311));
        error.Message.ShouldContain("c 2.0.0b1 is a pre-release");
    }

    [PipTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Resolves_like_pip(string scenario)
    {
        var pip = PipFactAttribute.Pip!;
        var (wheels, requirements) = All[scenario];
        using var cache = new TestFolder();
        await using var server = LocalIndexServer.Start(new LocalIndexServerOptions { Api = IndexApiMode.JsonAndHtml });
        foreach (var wheel in wheels)
        {
            server.Add(wheel.Build());
        }

        var expected = await pip.ResolveAsync(server.SimpleUri, ["--only-binary", ":all:", .. requirements]);
        expected.ShouldNotBeEmpty();
        using var client = new IndexClient(IndexTestBed.Options(cache));
        var finder = new PackageFinder(client, new IndexConfiguration([IndexTestBed.Default(server)]));

        var resolution = await new Resolver(new IndexCandidateProvider(finder))
            .ResolveAsync(ResolverKit.Request(requirements), ResolverKit.Linux311);

        resolution.Pins()
            .ShouldBe(expected.Select(item => $"{Packaging.Pep503.NormalizedName.From(item.Name)}=={item.Version}"), ignoreOrder: true);
        foreach (var item in expected)
        {
            resolution.Package(item.Name).Wheel.Url.ShouldBe(item.Url.AbsoluteUri);
        }
    }
}
