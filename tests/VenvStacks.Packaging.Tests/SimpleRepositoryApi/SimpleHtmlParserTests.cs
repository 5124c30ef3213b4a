using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.SimpleRepositoryApi;

namespace VenvStacks.Packaging.Tests.SimpleRepositoryApi;

public sealed class SimpleHtmlParserTests
{
    private static readonly Uri Page = new("https://example.com/simple/demo/");
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Anchors_become_files_with_relative_links_resolved_against_the_page()
    {
        var listing = Parse($"<a href=\"../../files/demo-1.0.tar.gz#sha256={Sha}\">demo-1.0.tar.gz</a><a href='/abs/demo-2.0.zip'>x</a><a href=https://cdn.example/d/demo-3.0-py3-none-any.whl>y</a>");

        listing.Files.Select(f => f.Url.AbsoluteUri).ShouldBe([
            "https://example.com/files/demo-1.0.tar.gz",
            "https://example.com/abs/demo-2.0.zip",
            "https://cdn.example/d/demo-3.0-py3-none-any.whl",
        ]);
        listing.Files[0].Hashes["sha256"].ShouldBe(Sha);
        listing.Files.Select(f => f.FileName).ShouldBe(["demo-1.0.tar.gz", "demo-2.0.zip", "demo-3.0-py3-none-any.whl"]);
    }

    [Fact]
    public void Attribute_values_are_html_unescaped()
    {
        var file = Parse("<a href=\"demo-1.0.tar.gz\" data-requires-python=\"&gt;=3.8,&lt;4&#44;!=3.9.*\" data-yanked=\"use &quot;2.0&quot; &amp; up\">x</a>").Files.Single();

        file.RequiresPython.ShouldBe(">=3.8,<4,!=3.9.*");
        file.YankedReason.ShouldBe("use \"2.0\" & up");
    }

    [Fact]
    public void A_valueless_data_yanked_attribute_still_yanks()
    {
        Parse("<a href=\"demo-1.0.tar.gz\" data-yanked>x</a>").Files.Single().YankedReason.ShouldBe(string.Empty);
        Parse("<a href=\"demo-1.0.tar.gz\">x</a>").Files.Single().YankedReason.ShouldBeNull();
    }

    [Theory]
    [InlineData("data-core-metadata=\"sha256=" + Sha + "\"", Sha)]
    [InlineData("data-dist-info-metadata=\"sha256=" + Sha + "\"", Sha)]
    [InlineData("data-core-metadata=\"true\"", null)]
    [InlineData("data-core-metadata=\"whatever\"", null)]
    [InlineData("data-core-metadata=\"sha256=" + Sha + "\" data-dist-info-metadata=\"true\"", Sha)]
    public void Metadata_files_follow_pep_658_and_pep_714(string attributes, string? sha256)
    {
        var file = Parse($"<a href=\"demo-1.0-py3-none-any.whl\" {attributes}>x</a>").Files.Single();

        file.CoreMetadata.ShouldNotBeNull();
        file.CoreMetadata.Sha256.ShouldBe(sha256);
    }

    [Fact]
    public void No_metadata_attribute_means_no_metadata_file()
    {
        Parse("<a href=\"demo-1.0-py3-none-any.whl\">x</a>").Files.Single().CoreMetadata.ShouldBeNull();
    }

    [Fact]
    public void A_base_element_changes_where_links_resolve()
    {
        var listing = Parse("<html><head><base href=\"https://mirror.example/packages/\"></head><body><a href=\"demo-1.0.tar.gz\">x</a></body></html>");

        listing.Files.Single().Url.AbsoluteUri.ShouldBe("https://mirror.example/packages/demo-1.0.tar.gz");
    }

    [Fact]
    public void Comments_scripts_and_anchors_without_href_are_ignored()
    {
        var listing = Parse("<!-- <a href=\"hidden-1.0.tar.gz\"> --><script>var s = '<a href=\"js-1.0.tar.gz\">';</script><a name=\"top\">top</a><A HREF=\"demo-1.0.tar.gz\">x</A><a href=\"\">empty</a><a href=\"javascript:void(0)\">js</a>");

        listing.Files.Select(f => f.FileName).ShouldBe(["demo-1.0.tar.gz"]);
    }

    [Fact]
    public void The_repository_version_is_read_and_a_new_major_version_rejected()
    {
        Parse("<meta name=\"pypi:repository-version\" content=\"1.3\"><a href=\"demo-1.0.tar.gz\">x</a>").ApiVersion.ShouldBe("1.3");
        Should.Throw<PackageIndexException>(() => Parse("<meta name=\"pypi:repository-version\" content=\"2.0\">"))
            .Code.ShouldBe(IndexErrorCode.InvalidIndexResponse);
    }

    [Fact]
    public void Credentials_in_a_link_are_kept_apart_from_its_url()
    {
        var file = Parse("<a href=\"https://user:tok@files.example/demo-1.0.tar.gz\">x</a>").Files.Single();

        file.Url.AbsoluteUri.ShouldBe("https://files.example/demo-1.0.tar.gz");
        file.LinkCredentials.ShouldBe(new IndexCredentials("user", "tok"));
        file.ToString().ShouldNotContain("tok");
    }

    [Fact]
    public void Percent_encoded_file_names_are_decoded_and_unknown_fragment_parameters_ignored()
    {
        var file = Parse("<a href=\"demo-1.0%2Blocal-py3-none-any.whl#egg=demo&amp;sha256=" + Sha + "\">x</a>").Files.Single();

        file.FileName.ShouldBe("demo-1.0+local-py3-none-any.whl");
        file.Hashes.Keys.ShouldBe(["sha256"]);
    }

    [Fact]
    public void Malformed_hash_values_are_dropped_so_they_can_never_reach_a_cache_path()
    {
        var file = Parse("<a href=\"demo-1.0.tar.gz#sha256=../../../etc/passwd\">x</a>").Files.Single();

        file.Hashes.ShouldBeEmpty();
    }

    private static ParsedListing Parse(string html) => SimpleHtmlParser.Parse(System.Text.Encoding.UTF8.GetBytes(html), Page);
}
