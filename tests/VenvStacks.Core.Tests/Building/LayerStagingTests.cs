using VenvStacks.Core.Building;

namespace VenvStacks.Core.Tests.Building;

/// <summary>A layer is rebuilt beside the old one and swapped in whole; whatever a crash leaves is sorted out next time.</summary>
public sealed class LayerStagingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("staging-").FullName;

    private string Layer => Path.Combine(_root, "framework-x");

    [Fact]
    public async Task An_update_starts_from_a_clone_whose_edits_never_reach_the_current_layer()
    {
        Write(Layer, "site/a.py", "a = 1\n");
        File.WriteAllText(Layer + ".last-build.json", "{}\n");
        var staging = new LayerStaging(Layer);

        await staging.BeginAsync(Layer, CancellationToken.None);
        File.Delete(Path.Combine(staging.StagingPath, "site", "a.py"));
        Write(staging.StagingPath, "site/b.py", "b = 2\n");

        File.ReadAllText(Path.Combine(Layer, "site", "a.py")).ShouldBe("a = 1\n");
        File.Exists(Path.Combine(Layer, "site", "b.py")).ShouldBeFalse();
        File.Exists(Layer + ".last-build.json").ShouldBeTrue("the current layer keeps its record until the swap");
    }

    [Fact]
    public async Task Commit_swaps_the_staged_layer_in_with_its_record()
    {
        Write(Layer, "old.txt", "old");
        File.WriteAllText(Layer + ".last-build.json", "old\n");
        var staging = new LayerStaging(Layer);
        await staging.BeginAsync(Path.Combine(_root, "nothing-to-clone"), CancellationToken.None);
        Write(staging.StagingPath, "new.txt", "new");
        File.WriteAllText(staging.StagingRecordPath, "new\n");

        staging.Commit();

        File.Exists(Path.Combine(Layer, "new.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(Layer, "old.txt")).ShouldBeFalse();
        File.ReadAllText(Layer + ".last-build.json").ShouldBe("new\n");
        Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).ShouldBe(["framework-x", "framework-x.last-build.json"], ignoreOrder: true);
    }

    [Fact]
    public async Task Abandon_leaves_the_current_layer_and_its_record_as_they_were()
    {
        Write(Layer, "keep.txt", "keep");
        File.WriteAllText(Layer + ".last-build.json", "kept\n");
        var staging = new LayerStaging(Layer);
        await staging.BeginAsync(Layer, CancellationToken.None);
        Write(staging.StagingPath, "half.txt", "half");

        staging.Abandon();

        Directory.Exists(staging.StagingPath).ShouldBeFalse();
        File.ReadAllText(Layer + ".last-build.json").ShouldBe("kept\n");
        File.ReadAllText(Path.Combine(Layer, "keep.txt")).ShouldBe("keep");
    }

    [Fact]
    public async Task Leftovers_of_a_killed_build_are_cleared_and_an_interrupted_swap_is_undone()
    {
        // Killed between the two renames of a swap: only '<layer>.previous' remains, and a stale staging folder.
        Write(Layer + ".previous", "last-good.txt", "good");
        Write(Layer + ".staging", "half.txt", "half");
        File.WriteAllText(Layer + ".staging.last-build.json", "half\n");
        var staging = new LayerStaging(Layer);

        await staging.BeginAsync(Layer, CancellationToken.None);

        File.ReadAllText(Path.Combine(Layer, "last-good.txt")).ShouldBe("good");
        Directory.Exists(Layer + ".previous").ShouldBeFalse();
        File.Exists(Path.Combine(staging.StagingPath, "half.txt")).ShouldBeFalse();
        File.Exists(Path.Combine(staging.StagingPath, "last-good.txt")).ShouldBeTrue("the new staging clones the restored layer");
        File.Exists(staging.StagingRecordPath).ShouldBeFalse();
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
