using VenvStacks.Core.SourceTrees;

namespace VenvStacks.Core.Tests.SourceTrees;

/// <summary>gitignore pattern semantics (git-scm.com/docs/gitignore), the parts module filtering relies on.</summary>
public class GitIgnorePatternTests
{
    [Theory]
    [InlineData("*.pyc", "a/b/c.pyc", false, true)]
    [InlineData("*.pyc", "c.py", false, false)]
    [InlineData("build/", "x/build", true, true)]
    [InlineData("build/", "x/build", false, false)]
    [InlineData("/top.txt", "top.txt", false, true)]
    [InlineData("/top.txt", "sub/top.txt", false, false)]
    [InlineData("doc/*.txt", "doc/a.txt", false, true)]
    [InlineData("doc/*.txt", "doc/sub/a.txt", false, false)]
    [InlineData("**/logs", "a/b/logs", true, true)]
    [InlineData("logs/**", "logs/a/b.txt", false, true)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("file[0-9].txt", "file7.txt", false, true)]
    [InlineData("file[!0-9].txt", "file7.txt", false, false)]
    [InlineData("\\#hash", "#hash", false, true)]
    [InlineData("trailing   ", "trailing", false, true)]
    public void Patterns_match_as_git_documents(string pattern, string path, bool isDirectory, bool expected)
    {
        GitIgnorePattern.Parse(pattern)!.Matches(path, isDirectory).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# comment")]
    public void Blank_lines_and_comments_are_not_patterns(string line)
    {
        GitIgnorePattern.Parse(line).ShouldBeNull();
    }

    [Fact]
    public void Negation_reincludes_and_nested_gitignores_take_precedence()
    {
        var root = Path.Combine(Path.GetTempPath(), "vstk-git-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, ".git", "info"));
            Directory.CreateDirectory(Path.Combine(root, "pkg", "data"));
            File.WriteAllText(Path.Combine(root, ".gitignore"), "*.log\n!keep.log\n");
            File.WriteAllText(Path.Combine(root, "pkg", ".gitignore"), "keep.log\n");
            File.WriteAllText(Path.Combine(root, ".git", "info", "exclude"), "secret.txt\n");
            var filter = new GitSourceTreeFilter(root);

            filter.IsIgnored(root, "debug.log", false).ShouldBeTrue();
            filter.IsIgnored(root, "keep.log", false).ShouldBeFalse();
            filter.IsIgnored(Path.Combine(root, "pkg"), "keep.log", false).ShouldBeTrue();
            filter.IsIgnored(root, "secret.txt", false).ShouldBeTrue();
            filter.IsIgnored(root, ".gitattributes", false).ShouldBeTrue();
            filter.IsPathIgnored(Path.Combine(Path.GetTempPath(), "elsewhere.py")).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
