using VenvStacks.Core.Environments;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>
/// dynlib_exclude matching: "/" + pattern, glob.translate(recursive=True, include_hidden=True), re.search over the
/// absolute path. Expected values were checked against CPython 3.13's glob.translate.
/// </summary>
public class DynlibExcludePatternTests
{
    private const string Site = "/b/app/lib/python3.11/site-packages/";

    [Theory]
    [InlineData("libfoo.so", Site + "pkg/libfoo.so", true)]
    [InlineData("libfoo.so", Site + "pkg/xlibfoo.so", false)]
    [InlineData("*", Site + "pkg/libfoo.so", true)]
    [InlineData("pkg/*.so", Site + "pkg/libfoo.so", true)]
    [InlineData("pkg/*.so", Site + "pkg/sub/libfoo.so", false)]
    [InlineData("pkg/**/libfoo.*", Site + "pkg/sub/deeper/libfoo.so.1", true)]
    [InlineData("pkg/**/libfoo.*", Site + "pkg/libfoo.so", true)]
    [InlineData("PIL/**/libpng16.*", Site + "PIL/.libs/libpng16.so", true)]
    [InlineData("lib[0-9].so", "/b/x/lib7.so", true)]
    [InlineData("lib[!0-9].so", "/b/x/lib7.so", false)]
    [InlineData("lib?.so", "/b/x/.libs/libz.so", true)]
    [InlineData("*.libs/*", "/b/x/.libs/libz.so", true)]
    [InlineData("**", "/b/x/libz.so", true)]
    [InlineData("lib[z-a].so", "/b/x/libz.so", false)]
    [InlineData("lib[a-c-e].so", "/b/x/lib-.so", true)]
    public void Patterns_match_the_end_of_the_path_as_venvstacks_does(string pattern, string path, bool expected)
    {
        new DynlibExcludePattern(pattern).Matches(path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("pkg/**/libfoo.*", @"(?s:/pkg/(?:.+/)?libfoo\.[^/]*)\z")]
    [InlineData("lib[z-a].so", @"(?s:/lib(?!)\.so)\z")]
    [InlineData("*.libs/*", @"(?s:/[^/]*\.libs/[^/]+)\z")]
    public void Translation_follows_glob_translate(string pattern, string expression)
    {
        new DynlibExcludePattern(pattern).Expression.ShouldBe(expression);
    }
}
