using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep751;

namespace VenvStacks.Core.Tests.Locking;

/// <summary>
/// A pylock file that cannot be read (hand-edited, truncated, nested too deep) is relocked in Auto mode and is
/// VSTK2006 at the line of the lock file in Locked mode; it is never an internal error.
/// </summary>
public sealed class UnreadableLockTests
{
    private const string Stack = """
        [[runtimes]]
        name = "cpython-3.11"
        python_implementation = "cpython@3.11.11"
        requirements = ["numpy"]

        [[frameworks]]
        name = "science"
        runtime = "cpython-3.11"
        requirements = ["scipy"]
        """;

    public static TheoryData<string, string, int> Corruptions => new()
    {
        { "a 100-deep array", "junk = " + new string('[', 100) + new string(']', 100) + "\n", 1 },
        { "a 20,000-segment header", "[tool." + string.Join('.', Enumerable.Repeat("a", 20_000)) + "]\nx = 1\n", 1 },
        { "a syntax error", "x = \n", 1 },
        { "a broken marker", "[[packages]]\nname = \"x\"\nmarker = \"os_name ==\"\n", 3 },
    };

    private static FakeUniverseResolver Universe() => new FakeUniverseResolver()
        .Add("numpy", "2.3.2")
        .Add("scipy", "1.16.1", ["numpy>=2"]);

    private static async Task<(StackSpec Spec, string PyLockPath, int Line)> LockAndCorrupt(SpecFiles files, string layer, string corruption, int corruptionLine)
    {
        var spec = files.Load(Stack).Spec.ShouldNotBeNull();
        (await new LockEngine(Universe()).LockAsync(spec, LockOptions.Default, null, CancellationToken.None)).Succeeded.ShouldBeTrue();
        var path = LayerLockFiles.For(spec, spec.GetLayer(layer)).PyLockPath;
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text + corruption);
        return (spec, path, text.Split('\n').Length - 1 + corruptionLine);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task Auto_mode_relocks_a_layer_whose_lock_cannot_be_read(string what, string corruption, int line)
    {
        using var files = new SpecFiles();
        var (spec, path, _) = await LockAndCorrupt(files, "cpython-3.11", corruption, line);
        var resolver = Universe();

        var result = await new LockEngine(resolver).LockAsync(spec, LockOptions.Default, null, CancellationToken.None);

        result.Succeeded.ShouldBeTrue($"{what}: {string.Join("\n", result.Diagnostics)}");
        result.Layers.Single(l => l.BuildName == "cpython-3.11").Action.ShouldBe(LayerLockAction.Locked);
        PyLock.Parse(File.ReadAllText(path)).Packages.Single().Name.ShouldBe("numpy");
        LockStateReader.Read(spec).Values.ShouldAllBe(s => s.HasValidLock);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task Locked_mode_reports_an_unreadable_lock_at_its_line_in_the_lock_file(string what, string corruption, int line)
    {
        using var files = new SpecFiles();
        var (spec, path, errorLine) = await LockAndCorrupt(files, "framework-science", corruption, line);
        var before = File.ReadAllText(path);

        var result = await new LockEngine(Universe()).LockAsync(spec, LockOptions.Default with { Mode = LockMode.Locked }, null, CancellationToken.None);

        var error = result.Diagnostics.ShouldHaveSingleItem(what);
        error.Code.ShouldBe("VSTK2006");
        error.Message.ShouldContain("framework-science");
        error.Location!.File.ShouldBe(path);
        error.Location.Line.ShouldBe(errorLine, what);
        File.ReadAllText(path).ShouldBe(before);
    }

    [Fact]
    public async Task The_status_display_reads_a_stack_whose_lock_cannot_be_read()
    {
        using var files = new SpecFiles();
        var (spec, _, _) = await LockAndCorrupt(files, "cpython-3.11", "junk = " + new string('[', 100), 1);

        var summaries = LockStateReader.Summaries(spec);

        summaries(spec.GetLayer("cpython-3.11")).HasValidLock.ShouldBeFalse();
    }
}
