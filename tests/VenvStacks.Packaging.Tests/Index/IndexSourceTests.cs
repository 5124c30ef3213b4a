using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Tests.Index;

public sealed class IndexSourceTests
{
    [Theory]
    [InlineData("https://example.com/simple", "https://example.com/simple/foo-bar/")]
    [InlineData("https://example.com/simple/", "https://example.com/simple/foo-bar/")]
    [InlineData("https://example.com/whl/cu128", "https://example.com/whl/cu128/foo-bar/")]
    public void Project_urls_append_the_normalised_name_and_a_slash(string index, string project)
    {
        IndexSource.Simple(index).ProjectUrl(NormalizedName.From("Foo_Bar")).AbsoluteUri.ShouldBe(project);
    }

    [Theory]
    [InlineData("pytorch-cu128", "UV_INDEX_PYTORCH_CU128_")]
    [InlineData("my.index name", "UV_INDEX_MY_INDEX_NAME_")]
    [InlineData("Internal2", "UV_INDEX_INTERNAL2_")]
    public void Credential_variables_follow_uv_naming(string name, string prefix)
    {
        IndexSource.Simple("https://example.com/simple", name).CredentialVariablePrefix.ShouldBe(prefix);
    }

    [Fact]
    public void A_folder_path_becomes_a_local_file_url()
    {
        var folder = Path.GetFullPath("wheels");
        var source = IndexSource.Flat(folder);

        source.IsLocal.ShouldBeTrue();
        source.LocalPath.ShouldBe(folder);
        source.Format.ShouldBe(IndexFormat.Flat);
    }

    [Fact]
    public void Unsupported_schemes_are_rejected()
    {
        Should.Throw<ArgumentException>(() => IndexSource.Simple("ftp://example.com/simple"));
    }
}
