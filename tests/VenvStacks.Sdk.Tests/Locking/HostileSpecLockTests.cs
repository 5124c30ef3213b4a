using System.Text;
using VenvStacks.Sdk.Tests.Sdk;
using VenvStacks.TestSupport.Sdk;
using Xunit.Abstractions;

namespace VenvStacks.Sdk.Tests.Locking;

/// <summary>
/// A locked stack whose spec is then broken in a hostile way (issue 12) — nesting far too deep, a layer name no file
/// system takes, an index URL of a foreign scheme, an empty launch module, binary bytes — fails each build with
/// MSBuild's exit code, coded errors located in the spec, bounded output and no stack trace, and leaves every lock
/// file exactly as it was (content and write time).
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class HostileSpecLockTests(PackedSdkFixture fixture, ITestOutputHelper output)
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    /// <summary>Each case appends its text to the valid spec; the kinds are those that once crashed or misled.</summary>
    private static readonly (string Kind, byte[] Tail)[] Cases =
    [
        ("header 20,000 levels deep", Encoding.UTF8.GetBytes("\n[" + string.Join('.', Enumerable.Repeat("a", 20_000)) + "]\nx = 1\n")),
        ("array 65 levels deep", Encoding.UTF8.GetBytes("\njunk = " + Repeat("[", 65) + Repeat("]", 65) + "\n")),
        ("marker in 5,000 parentheses", Encoding.UTF8.GetBytes(
            "\n[[frameworks]]\nname = \"deep\"\nruntime = \"cpython-3.11\"\nrequirements = [\"click ; " + Repeat("(", 5_000) + "os_name == 'nt'" + Repeat(")", 5_000) + "\"]\n")),
        ("layer name of 250 characters", Encoding.UTF8.GetBytes(
            "\n[[frameworks]]\nname = \"" + new string('n', 250) + "\"\nruntime = \"cpython-3.11\"\nrequirements = []\n")),
        ("index URL of a foreign scheme", Encoding.UTF8.GetBytes("\n[[tool.uv.index]]\nname = \"ftp\"\nurl = \"ftp://127.0.0.1/simple\"\n")),
        ("empty launch module", Encoding.UTF8.GetBytes(
            "\n[[applications]]\nname = \"empty\"\nruntime = \"cpython-3.11\"\nrequirements = []\nlaunch_module = \"\"\n")),
        ("binary bytes", [.. Encoding.UTF8.GetBytes("\n"), .. Enumerable.Range(0, 50_000).Select(i => (byte)((i * 7919) % 251))]),
    ];

    [Fact]
    public Task Hostile_edits_to_a_locked_spec_fail_with_coded_located_errors_and_leave_the_locks_alone() => fixture.RunInProjectAsync(output, async project =>
    {
        await using var scenario = LockScenario.Start();
        scenario.Prepare(project);
        (await project.BuildAsync()).ShouldSucceed();
        var requirements = Path.Combine(project.ProjectDirectory, "requirements");
        var locks = FileStates.Of(requirements);
        locks.ShouldNotBeEmpty();
        var valid = Encoding.UTF8.GetBytes(scenario.Spec());

        foreach (var (kind, tail) in Cases)
        {
            File.WriteAllBytes(project.SpecPath, [.. valid, .. tail]);

            var result = await project.BuildAsync();

            result.ExitCode.ShouldBe(1, $"{kind}\n{result.Describe()}");
            result.Log.Errors.ShouldNotBeEmpty(kind);
            result.Log.Errors.ShouldAllBe(e => e.Code.StartsWith("VSTK") && e.Code != "VSTK9999" && e.File == project.SpecPath && e.LineNumber > 0, $"{kind}\n{result.Describe()}");
            ConsoleText.StackFrames(result.Output).ShouldBeEmpty(kind);
            result.Output.Split('\n').Length.ShouldBeLessThan(300, kind);
            FileStates.Changed(locks, FileStates.Of(requirements)).ShouldBeEmpty(kind);
            FileStates.Of(requirements).Keys.ShouldBe(locks.Keys, ignoreOrder: true, kind);
        }
    });
}
