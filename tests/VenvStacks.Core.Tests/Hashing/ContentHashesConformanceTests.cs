using System.Text.Json;
using VenvStacks.Core.Hashing;
using VenvStacks.Core.SourceTrees;
using VenvStacks.TestSupport;

namespace VenvStacks.Core.Tests.Hashing;

/// <summary>The hashes of venvstacks' <c>hash_fodder/</c> fixture (<c>hash_expected.json</c>), SHA-256 part.</summary>
[Trait("Category", "Conformance")]
public class ContentHashesConformanceTests
{
    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(TestData.PathTo("venvstacks", "hash_expected.json"))).RootElement;

    private static string Fodder => TestData.PathTo("venvstacks", Expected.GetProperty("input_dir").GetString()!);

    public static TheoryData<string> FodderFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Expected.GetProperty("file_contents").GetProperty("hashes").GetProperty("sha256").EnumerateObject())
        {
            data.Add(file.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FodderFiles))]
    public void File_content_and_name_hashes_match(string fileName)
    {
        var path = Path.Combine(Fodder, fileName);

        ContentHashes.HashFileContents(path).ShouldBe(
            "sha256:" + Expected.GetProperty("file_contents").GetProperty("hashes").GetProperty("sha256").GetProperty(fileName).GetString());
        ContentHashes.HashFileNameAndContents(path).ShouldBe(
            "sha256:" + Expected.GetProperty("file_name_and_contents").GetProperty("hashes").GetProperty("sha256").GetProperty(fileName).GetString());
    }

    [Fact]
    public void String_list_hash_matches()
    {
        var inputs = Expected.GetProperty("strings").GetProperty("inputs").EnumerateArray().Select(e => e.GetString()!);

        ContentHashes.HashStrings(inputs).ShouldBe("sha256:" + Expected.GetProperty("strings").GetProperty("hashes").GetProperty("sha256").GetString());
    }

    [Fact]
    public void Directory_hash_matches_with_the_slash_prefix()
    {
        ContentHashes.HashDirectory(Fodder, PycacheSourceTreeFilter.Instance)
            .ShouldBe("sha256/" + Expected.GetProperty("directory").GetProperty("hashes").GetProperty("sha256").GetString());
    }

    [Fact]
    public void Pycache_is_ignored_outside_git_and_gitignore_decides_inside_git()
    {
        var expected = "sha256/" + Expected.GetProperty("directory").GetProperty("hashes").GetProperty("sha256").GetString();
        var root = Path.Combine(Path.GetTempPath(), "vstk-hash-" + Guid.NewGuid().ToString("N"));
        var copy = Path.Combine(root, "hash_fodder");
        try
        {
            FileTrees.Copy(Fodder, copy);
            var pycache = Path.Combine(copy, "folder1", "__pycache__", "nested", "subdir");
            Directory.CreateDirectory(pycache);
            File.WriteAllText(Path.Combine(pycache, "cached.pyc"), "not source");

            ContentHashes.HashDirectory(copy, SourceTreeFilter.For(copy)).ShouldBe(expected);

            Directory.CreateDirectory(Path.Combine(root, ".git"));
            var gitFilter = SourceTreeFilter.For(copy);
            gitFilter.ShouldBeOfType<GitSourceTreeFilter>();
            ContentHashes.HashDirectory(copy, gitFilter).ShouldNotBe(expected);

            File.WriteAllText(Path.Combine(root, ".gitignore"), "__pycache__\n");
            ContentHashes.HashDirectory(copy, SourceTreeFilter.For(copy)).ShouldBe(expected);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
