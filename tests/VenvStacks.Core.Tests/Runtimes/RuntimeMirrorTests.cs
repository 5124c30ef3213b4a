using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Runtimes;

namespace VenvStacks.Core.Tests.Runtimes;

public class RuntimeMirrorTests
{
    private static readonly Uri Release = new(
        "https://github.com/astral-sh/python-build-standalone/releases/download/20250317/cpython-3.12.9%2B20250317-x86_64-unknown-linux-gnu-install_only_stripped.tar.gz");

    [Theory]
    [InlineData("https://mirror.example.org/pbs")]
    [InlineData("https://mirror.example.org/pbs/")]
    public void A_mirror_url_takes_the_part_after_releases_download(string mirror)
    {
        RuntimeMirror.Parse(mirror).Apply(Release).AbsoluteUri
            .ShouldBe("https://mirror.example.org/pbs/20250317/cpython-3.12.9%2B20250317-x86_64-unknown-linux-gnu-install_only_stripped.tar.gz");
    }

    [Fact]
    public void A_mirror_folder_holds_release_tag_folders_with_the_unescaped_file_names()
    {
        var folder = Directory.CreateTempSubdirectory("vstk-mirror-").FullName;
        try
        {
            foreach (var setting in new[] { folder, new UriBuilder(Uri.UriSchemeFile, string.Empty, -1, folder).Uri.AbsoluteUri })
            {
                var mapped = RuntimeMirror.Parse(setting).Apply(Release);

                mapped.IsFile.ShouldBeTrue();
                mapped.LocalPath.ShouldBe(Path.Combine(folder, "20250317", "cpython-3.12.9+20250317-x86_64-unknown-linux-gnu-install_only_stripped.tar.gz"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("https://builds.example.org/releases/download/20250317/a.tar.gz")]
    [InlineData("https://github.com/astral-sh/python-build-standalone/archive/a.tar.gz")]
    [InlineData("https://github.com/a/b/c/releases/download/1/a.tar.gz")]
    [InlineData("file:///srv/runtimes/a.tar.gz")]
    public void Other_urls_are_left_alone(string url)
    {
        RuntimeMirror.Parse("https://mirror.example.org/").Apply(new Uri(url)).AbsoluteUri.ShouldBe(new Uri(url).AbsoluteUri);
    }

    [Theory]
    [InlineData("ftp://mirror.example.org/pbs", "scheme 'ftp'")]
    [InlineData("https://user:secret@mirror.example.org/pbs", "contains credentials")]
    [InlineData("/no/such/folder/for/vstk/tests", "does not exist")]
    public void Unusable_settings_are_coded_errors(string setting, string expected)
    {
        var error = Should.Throw<RuntimeException>(() => RuntimeMirror.Parse(setting));

        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeMirrorInvalid);
        error.Message.ShouldStartWith("VenvStacksPythonMirror: ");
        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain("secret");
    }
}
