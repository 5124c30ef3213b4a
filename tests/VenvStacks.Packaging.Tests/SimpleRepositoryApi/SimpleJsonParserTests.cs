using System.Text;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.SimpleRepositoryApi;

namespace VenvStacks.Packaging.Tests.SimpleRepositoryApi;

public sealed class SimpleJsonParserTests
{
    private static readonly Uri Page = new("https://example.com/simple/demo/");
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Other = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    [Fact]
    public void Every_pep_691_and_pep_700_field_is_read()
    {
        var listing = Parse($$"""
            {
              "meta": {"api-version": "1.1", "_last-serial": 3},
              "name": "demo",
              "versions": ["1.0", "2.0"],
              "files": [
                {"filename": "demo-1.0-py3-none-any.whl", "url": "../../files/demo-1.0-py3-none-any.whl",
                 "hashes": {"sha256": "{{Sha.ToUpperInvariant()}}", "md5": "0123456789abcdef0123456789abcdef"},
                 "requires-python": ">=3.8", "yanked": false, "core-metadata": {"sha256": "{{Other}}"},
                 "size": 1234, "upload-time": "2024-03-01T12:00:00.123456Z", "gpg-sig": false}
              ]
            }
            """);

        listing.ApiVersion.ShouldBe("1.1");
        listing.Versions.ShouldBe(["1.0", "2.0"]);
        var file = listing.Files.Single();
        file.FileName.ShouldBe("demo-1.0-py3-none-any.whl");
        file.Url.AbsoluteUri.ShouldBe("https://example.com/files/demo-1.0-py3-none-any.whl");
        file.Hashes["sha256"].ShouldBe(Sha);
        file.Hashes["md5"].ShouldBe("0123456789abcdef0123456789abcdef");
        file.RequiresPython.ShouldBe(">=3.8");
        file.YankedReason.ShouldBeNull();
        file.CoreMetadata!.Sha256.ShouldBe(Other);
        file.Size.ShouldBe(1234);
        file.UploadTime.ShouldBe(new DateTimeOffset(2024, 3, 1, 12, 0, 0, 123, TimeSpan.Zero).AddTicks(4560));
    }

    [Theory]
    [InlineData("true", "")]
    [InlineData("\"bad release\"", "bad release")]
    [InlineData("false", null)]
    [InlineData("null", null)]
    public void Yanked_is_a_boolean_or_a_reason(string value, string? reason)
    {
        File("\"yanked\": " + value).YankedReason.ShouldBe(reason);
    }

    [Theory]
    [InlineData("\"core-metadata\": true", true, null)]
    [InlineData("\"core-metadata\": false, \"dist-info-metadata\": true", false, null)]
    [InlineData("\"dist-info-metadata\": {\"sha256\": \"" + Sha + "\"}", true, Sha)]
    [InlineData("\"core-metadata\": {\"sha256\": \"" + Sha + "\"}, \"dist-info-metadata\": false", true, Sha)]
    [InlineData("\"size\": 1", false, null)]
    public void Core_metadata_prefers_the_pep_714_key(string fields, bool offered, string? sha256)
    {
        var file = File(fields);

        (file.CoreMetadata is not null).ShouldBe(offered);
        file.CoreMetadata?.Sha256.ShouldBe(sha256);
    }

    [Fact]
    public void Files_without_a_name_or_url_are_skipped()
    {
        Parse("""{"files": [{"url": "a.whl"}, {"filename": "b.whl"}, {"filename": "demo-1.0.tar.gz", "url": "demo-1.0.tar.gz"}]}""")
            .Files.Select(f => f.FileName).ShouldBe(["demo-1.0.tar.gz"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"name\": \"demo\"}")]
    [InlineData("{\"meta\": {\"api-version\": \"2.0\"}, \"files\": []}")]
    public void Unusable_documents_are_coded_errors_naming_the_page(string json)
    {
        var error = Should.Throw<PackageIndexException>(() => Parse(json));

        error.Code.ShouldBe(IndexErrorCode.InvalidIndexResponse);
        error.Url.ShouldBe(Page.AbsoluteUri);
    }

    private static ListedFile File(string fields) =>
        Parse("{\"files\": [{\"filename\": \"demo-1.0.tar.gz\", \"url\": \"demo-1.0.tar.gz\", " + fields + "}]}").Files.Single();

    private static ParsedListing Parse(string json) => SimpleJsonParser.Parse(Encoding.UTF8.GetBytes(json), Page);
}
