using CsCheck;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Tests.Pep508;

public sealed class MarkerPropertyTests
{
    private static readonly MarkerEnvironment Environment = new MarkerEnvironment(new Dictionary<string, string>
    {
        ["implementation_name"] = "cpython",
        ["implementation_version"] = "3.11.7",
        ["os_name"] = "posix",
        ["platform_machine"] = "x86_64",
        ["platform_release"] = "6.5.0",
        ["platform_system"] = "Linux",
        ["platform_version"] = "#1 SMP",
        ["python_full_version"] = "3.11.7",
        ["platform_python_implementation"] = "CPython",
        ["python_version"] = "3.11",
        ["sys_platform"] = "linux",
    }).WithExtra("Test-Extra");

    [Fact]
    public void The_printed_form_parses_back_to_an_equal_marker_that_prints_the_same()
    {
        MarkerGenerators.Marker.Sample(text =>
        {
            var marker = Marker.Parse(text);
            var printed = marker.ToString();
            var reparsed = Marker.Parse(printed);
            reparsed.ToString().ShouldBe(printed);
            reparsed.ShouldBe(marker);
            reparsed.GetHashCode().ShouldBe(marker.GetHashCode());
            Marker.Parse(marker.ToSingleQuotedString()).ShouldBe(marker);
        }, iter: 5_000);
    }

    [Fact]
    public void The_printed_form_evaluates_like_the_original()
    {
        MarkerGenerators.Marker.Sample(text =>
        {
            var marker = Marker.Parse(text);
            Outcome(Marker.Parse(marker.ToString())).ShouldBe(Outcome(marker));
            Outcome(Marker.Parse(marker.ToSingleQuotedString())).ShouldBe(Outcome(marker));
        }, iter: 5_000);
    }

    private static string Outcome(Marker marker)
    {
        try
        {
            return marker.Evaluate(Environment).ToString();
        }
        catch (MarkerEvaluationException error)
        {
            return error.GetType().Name;
        }
    }
}
