using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Tests.Diagnostics;

/// <summary>A bag keeps the first <see cref="DiagnosticBag.MaxPerFile"/> diagnostics of each file and one line counting the rest.</summary>
public sealed class DiagnosticBagTests
{
    private static Diagnostic ErrorAt(string file, int line) =>
        Diagnostic.Error(DiagnosticCodes.TomlSyntax, $"problem on line {line}", new SourceLocation(file, line, 1, line, 2));

    [Fact]
    public void Each_file_shows_the_first_100_diagnostics_and_one_line_counting_the_rest()
    {
        var bag = new DiagnosticBag();
        for (var line = 1; line <= 1000; line++)
        {
            bag.Add(ErrorAt("/a.toml", line));
        }

        for (var line = 1; line <= 5; line++)
        {
            bag.Add(ErrorAt("/b.toml", line));
        }

        var shown = bag.ToImmutable();

        DiagnosticBag.MaxPerFile.ShouldBe(100);
        shown.Count(d => d.Location!.File == "/a.toml").ShouldBe(101);
        shown.Count(d => d.Location!.File == "/b.toml").ShouldBe(5);
        var summary = shown.Single(d => d.Code == "VSTK1031");
        summary.IsError.ShouldBeTrue();
        summary.Message.ShouldStartWith("900 more errors in /a.toml are not shown");
        summary.Location!.Line.ShouldBe(101);
        shown.Where(d => d.Location!.File == "/a.toml").Last().ShouldBe(summary);
        bag.ErrorCount.ShouldBe(1005);
        bag.HasErrors.ShouldBeTrue();
    }

    [Fact]
    public void Hidden_warnings_are_summarised_as_a_warning()
    {
        var bag = new DiagnosticBag();
        for (var line = 1; line <= 150; line++)
        {
            bag.Warning(DiagnosticCodes.IgnoredTopLevelKey, "ignored", new SourceLocation("/a.toml", line, 1, line, 1));
        }

        var summary = bag.ToImmutable()[^1];

        summary.Code.ShouldBe("VSTK1031");
        summary.IsError.ShouldBeFalse();
        summary.Message.ShouldStartWith("50 more warnings in /a.toml");
        bag.HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void Diagnostics_without_a_file_are_capped_too()
    {
        var bag = new DiagnosticBag();
        for (var i = 0; i < 250; i++)
        {
            bag.Error(DiagnosticCodes.InvalidToolConfig, "no file", null);
        }

        var shown = bag.ToImmutable();

        shown.Length.ShouldBe(101);
        shown[^1].Message.ShouldStartWith("150 more errors are not shown");
    }
}
