using System.Text.Json;
using VenvStacks.Core.Hashing;
using VenvStacks.Core.Locking;
using VenvStacks.Core.SourceTrees;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep751;
using VenvStacks.TestSupport;

namespace VenvStacks.Core.Tests.Locking;

/// <summary>
/// Every committed <c>pylock.*.meta.json</c> in the venvstacks data: recomputing the four hashes from the spec and the
/// committed lock reproduces the recorded values exactly, and the validity check accepts the lock.
/// </summary>
[Trait("Category", "Conformance")]
public class LockFixtureConformanceTests
{
    public static TheoryData<string> MetadataFiles()
    {
        var data = new TheoryData<string>();
        var root = TestData.PathTo("venvstacks");
        foreach (var file in Directory.EnumerateFiles(root, "pylock.*.meta.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MetadataFiles))]
    public void Recomputed_hashes_match_the_committed_metadata(string metadataFile)
    {
        var (spec, layer, metadataPath) = Locate(metadataFile);
        using var expected = JsonDocument.Parse(File.ReadAllText(metadataPath));
        string Recorded(string key) => expected.RootElement.GetProperty(key).GetString()!;
        var files = LayerLockFiles.For(spec, layer);
        files.MetadataPath.ShouldBe(metadataPath);

        LockHashes.LockInputHash(LockHashes.DeclaredRequirementLines(layer)).ShouldBe(Recorded("lock_input_hash"));
        LockHashes.LockInputHash(File.ReadAllLines(files.InputPath)).ShouldBe(Recorded("lock_input_hash"));
        LockHashes.RequirementsHash(PyLock.Parse(File.ReadAllText(files.PyLockPath))).ShouldBe(Recorded("requirements_hash"));
        ContentHashes.HashStrings(LockHashes.OtherInputs(layer)).ShouldBe(Recorded("other_inputs_hash"));
        ContentHashes.HashStrings(LockHashes.VersionInputs(layer, SourceTreeFilter.For(spec.SpecDirectory))).ShouldBe(Recorded("version_inputs_hash"));
    }

    [Theory]
    [MemberData(nameof(MetadataFiles))]
    public void The_committed_lock_is_valid(string metadataFile)
    {
        var (spec, layer, _) = Locate(metadataFile);

        var state = LockStateReader.Read(spec)[layer.BuildName];

        state.ChangedFields.ShouldBeEmpty();
        state.HasValidLock.ShouldBeTrue();
        state.NeedsFullLock.ShouldBeFalse();
        state.LockVersion.ShouldBe(layer.Versioned ? state.Recorded!.LockVersion : 1);
    }

    [Fact]
    public void Editing_the_lock_by_hand_invalidates_it_and_the_layers_above()
    {
        var source = TestData.PathTo("venvstacks");
        var copy = Path.Combine(Path.GetTempPath(), "vstk-locks-" + Guid.NewGuid().ToString("N"));
        try
        {
            FileTrees.Copy(Path.Combine(source, "sample_project"), Path.Combine(copy, "sample_project"));
            FileTrees.Copy(Path.Combine(source, "minimal_project"), Path.Combine(copy, "minimal_project"));
            var specPath = Path.Combine(copy, "sample_project", "venvstacks.toml");
            var spec = StackSpecLoader.Load(specPath, StackSpecLoadOptions.Empty).Spec!;
            var runtimeLock = LayerLockFiles.For(spec, spec.GetLayer("cpython-3.11")).PyLockPath;
            File.WriteAllText(runtimeLock, File.ReadAllText(runtimeLock).Replace("version = \"2.3.2\"", "version = \"2.3.1\"", StringComparison.Ordinal));

            var states = LockStateReader.Read(spec);

            states["cpython-3.11"].HasValidLock.ShouldBeFalse();
            states["cpython-3.11"].ChangedFields.ShouldBe(["requirements_hash"]);
            states["framework-scipy"].HasValidLock.ShouldBeFalse();
            states["framework-scipy"].InvalidatedByDependency.ShouldBeTrue();
            states["cpython-3.12"].HasValidLock.ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static (StackSpec Spec, LayerSpec Layer, string MetadataPath) Locate(string metadataFile)
    {
        var metadataPath = TestData.PathTo("venvstacks", metadataFile);
        var layerDirectory = Path.GetDirectoryName(metadataPath)!;
        var specPath = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(layerDirectory)!)!, "venvstacks.toml");
        var result = StackSpecLoader.Load(specPath, StackSpecLoadOptions.Empty);
        var spec = result.Spec.ShouldNotBeNull(string.Join("\n", result.Diagnostics));
        return (spec, spec.GetLayer(Path.GetFileName(layerDirectory)), metadataPath);
    }
}
