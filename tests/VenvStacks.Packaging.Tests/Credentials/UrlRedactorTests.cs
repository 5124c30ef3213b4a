using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Packaging.Tests.Credentials;

public sealed class UrlRedactorTests
{
    [Theory]
    [InlineData("https://user:pass@example.com/simple/", "https://***@example.com/simple/")]
    [InlineData("https://token@example.com:8443/simple/x/", "https://***@example.com:8443/simple/x/")]
    [InlineData("https://example.com/simple/", "https://example.com/simple/")]
    [InlineData("not a url", "not a url")]
    public void Redaction_hides_the_user_info(string url, string redacted)
    {
        UrlRedactor.Redact(url).ShouldBe(redacted);
    }

    [Theory]
    [InlineData("https://user:pass@example.com/simple", "https://example.com/simple")]
    [InlineData("https://example.com/simple", "https://example.com/simple")]
    public void Stripping_removes_the_user_info_for_lock_files(string url, string stripped)
    {
        UrlRedactor.StripCredentials(new Uri(url)).AbsoluteUri.ShouldBe(stripped);
    }

    [Fact]
    public void An_index_source_keeps_credentials_out_of_its_url_and_text()
    {
        var index = IndexSource.Simple("https://me:p%40ss@example.com/simple", "private");

        index.Url.AbsoluteUri.ShouldBe("https://example.com/simple");
        index.ToString().ShouldBe("private (https://example.com/simple)");
        index.Credentials.ShouldBe(new IndexCredentials("me", "p@ss"));
    }

    [Fact]
    public void Error_messages_carry_the_redacted_url()
    {
        var error = new PackageIndexException(IndexErrorCode.HttpStatus, "x", new Uri("https://me:secret@example.com/simple/"), 404);

        error.Url.ShouldBe("https://***@example.com/simple/");
    }
}
