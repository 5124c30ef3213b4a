using CsCheck;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Tests.Pep440;

namespace VenvStacks.Packaging.Tests.Pep508;

public sealed class RequirementPropertyTests
{
    private static readonly Gen<string> Name = Gen.OneOf("requests", "Foo.Bar", "typing_extensions", "a", "zope.interface", "X-1");

    private static readonly Gen<string> Extras = Gen.OneOf("", "[]", "[security]", "[ a , B ]", "[test,dev,test]");

    private static readonly Gen<string> Specifiers = Gen.Select(
            Gen.OneOf("==", "!=", "<=", ">=", "<", ">", "~=").Array[0, 3],
            VersionGenerators.Parts.Array[3],
            (operators, versions) => string.Join(" , ", operators.Select((op, index) => op + Fit(op, versions[index].Canonical()))))
        .SelectMany(text => Gen.OneOf(text, text.Length == 0 ? text : " (" + text + ")"));

    private static readonly Gen<string> Url = Gen.OneOf(string.Empty, " @ https://example.com/pkg-1.0.tar.gz", " @ file:///tmp/x.whl");

    [Fact]
    public void The_printed_form_parses_back_to_an_equal_requirement_that_prints_the_same()
    {
        Gen.Select(Name, Extras, Specifiers, Url, Gen.Frequency((1, Gen.Const(string.Empty)), (2, MarkerGenerators.Marker))).Sample((name, extras, specifiers, url, marker) =>
        {
            var text = name + extras + (url.Length > 0 ? url : specifiers) + (marker.Length == 0 ? string.Empty : (url.Length > 0 ? " ; " : "; ") + marker);
            var requirement = Requirement.Parse(text);
            var printed = requirement.ToString();
            var reparsed = Requirement.Parse(printed);
            reparsed.ToString().ShouldBe(printed, text);
            reparsed.ShouldBe(requirement);
            reparsed.GetHashCode().ShouldBe(requirement.GetHashCode());
            Requirement.Parse(requirement.ToSingleQuotedString()).ShouldBe(requirement);
        }, iter: 5_000);
    }

    // ~= needs two release components; ordering operators take no local label.
    private static string Fit(string op, string version)
    {
        var withoutLocal = op is "==" or "!=" ? version : version.Split('+')[0];
        if (op != "~=")
        {
            return withoutLocal;
        }

        var releaseStart = withoutLocal.IndexOf('!', StringComparison.Ordinal) + 1;
        var releaseEnd = releaseStart;
        while (releaseEnd < withoutLocal.Length
            && (char.IsAsciiDigit(withoutLocal[releaseEnd])
                || (withoutLocal[releaseEnd] == '.' && releaseEnd + 1 < withoutLocal.Length && char.IsAsciiDigit(withoutLocal[releaseEnd + 1]))))
        {
            releaseEnd++;
        }

        return withoutLocal[releaseStart..releaseEnd].Contains('.', StringComparison.Ordinal) ? withoutLocal : withoutLocal.Insert(releaseEnd, ".0");
    }
}
