using System.Text;
using VenvStacks.Core.Deployment;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Tests.Export;
using VenvStacks.TestSupport;

namespace VenvStacks.Core.Tests.Deployment;

public sealed class PostInstallScriptTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vstk-postinstall-" + Guid.NewGuid().ToString("N")[..12]);

    public PostInstallScriptTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Folders.TryDelete(_folder);

    [Fact]
    public void The_embedded_script_is_the_source_file_with_LF_line_endings()
    {
        var source = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "src", "VenvStacks.Core", "Deployment", "postinstall.py"));

        Encoding.UTF8.GetString(PostInstallScript.Bytes.Span).ShouldBe(source.ReplaceLineEndings("\n"));
        PostInstallScript.Sha256.ShouldMatch("^sha256:[0-9a-f]{64}$");
    }

    [Fact]
    public async Task Writing_over_a_hard_linked_file_replaces_it_and_leaves_the_other_name_alone()
    {
        var original = Path.Combine(_folder, "build-postinstall.py");
        File.WriteAllText(original, "print('build copy')\n");
        var linked = Path.Combine(_folder, PostInstallScript.FileName);
        HardLinks.Create(linked, original);

        await PostInstallScript.WriteToAsync(linked, CancellationToken.None);

        File.ReadAllText(original).ShouldBe("print('build copy')\n");
        File.ReadAllBytes(linked).ShouldBe(PostInstallScript.Bytes.ToArray());
    }

    [Theory]
    [InlineData("__pycache__", false, true)]
    [InlineData("__pycache__", true, true)]
    [InlineData("sitecustomize.py", false, true)]
    [InlineData(".git", true, true)]
    [InlineData(".keep", false, false)]
    [InlineData("pyvenv.cfg", true, true)]
    [InlineData("pyvenv.cfg", false, false)]
    [InlineData("postinstall.py", true, true)]
    [InlineData("postinstall.py", false, false)]
    [InlineData("bin", true, false)]
    [InlineData("site.py", false, false)]
    public void The_deployment_filter_leaves_out_build_only_files(string name, bool topLevel, bool excluded) =>
        DeployedTreeFilter.Excludes(name, topLevel).ShouldBe(excluded);
}
