using System.Globalization;
using CsCheck;

namespace VenvStacks.Packaging.Tests.Pep440;

/// <summary>The parts of a version, which can be written canonically or in any spelling packaging accepts.</summary>
internal sealed record VersionParts(long Epoch, long[] Release, (string Label, long Number)? Pre, long? Post, long? Dev, string[] Local)
{
    public string Canonical()
    {
        var text = (Epoch == 0 ? string.Empty : Epoch.ToString(CultureInfo.InvariantCulture) + "!")
            + string.Join('.', Release.Select(component => component.ToString(CultureInfo.InvariantCulture)));
        if (Pre is { } pre)
        {
            text += pre.Label + pre.Number.ToString(CultureInfo.InvariantCulture);
        }

        if (Post is { } post)
        {
            text += ".post" + post.ToString(CultureInfo.InvariantCulture);
        }

        if (Dev is { } dev)
        {
            text += ".dev" + dev.ToString(CultureInfo.InvariantCulture);
        }

        return Local.Length == 0 ? text : text + "+" + string.Join('.', Local);
    }
}

/// <summary>CsCheck generators for versions: canonical parts and the alternative spellings of PEP 440.</summary>
internal static class VersionGenerators
{
    private static readonly Gen<long> SmallNumber = Gen.Frequency((8, Gen.Long[0, 12]), (1, Gen.Long[0, 100_000]));

    private static readonly Gen<string> LocalSegment = Gen.Frequency(
        (3, Gen.String[Gen.Char["abcdefxyz0123456789"], 1, 5].Where(text => !text.All(char.IsAsciiDigit))),
        (2, SmallNumber.Select(number => number.ToString(CultureInfo.InvariantCulture))));

    public static readonly Gen<VersionParts> Parts = Gen.Select(
        Gen.Frequency((6, Gen.Const(0L)), (1, Gen.Long[1, 3])),
        SmallNumber.Array[1, 5],
        Gen.Frequency(
            (3, Gen.Const(default((string, long)?))),
            (1, Gen.Select(Gen.OneOf("a", "b", "rc"), SmallNumber, (label, number) => ((string, long)?)(label, number)))),
        Gen.Frequency((3, Gen.Const(default(long?))), (1, SmallNumber.Select(number => (long?)number))),
        Gen.Frequency((3, Gen.Const(default(long?))), (1, SmallNumber.Select(number => (long?)number))),
        Gen.Frequency((4, Gen.Const(Array.Empty<string>())), (1, LocalSegment.Array[1, 3])),
        (epoch, release, pre, post, dev, local) => new VersionParts(epoch, release, pre, post, dev, local));

    /// <summary>Versions from a small domain, so that equal and neighbouring versions are frequent.</summary>
    public static readonly Gen<VersionParts> SmallDomainParts = Gen.Select(
        Gen.Frequency((8, Gen.Const(0L)), (1, Gen.Const(1L))),
        Gen.Long[0, 2].Array[1, 3],
        Gen.Frequency(
            (2, Gen.Const(default((string, long)?))),
            (1, Gen.Select(Gen.OneOf("a", "b", "rc"), Gen.Long[0, 1], (label, number) => ((string, long)?)(label, number)))),
        Gen.Frequency((2, Gen.Const(default(long?))), (1, Gen.Long[0, 1].Select(number => (long?)number))),
        Gen.Frequency((2, Gen.Const(default(long?))), (1, Gen.Long[0, 1].Select(number => (long?)number))),
        Gen.Frequency((3, Gen.Const(Array.Empty<string>())), (1, Gen.OneOf("a", "B", "1", "01", "a.1").Array[1, 2])),
        (epoch, release, pre, post, dev, local) => new VersionParts(epoch, release, pre, post, dev, local));

    /// <summary>Parts together with a non-canonical spelling of them.</summary>
    public static readonly Gen<(VersionParts Parts, string Spelling)> Spelled =
        Gen.Select(Parts, Gen.Int[0, int.MaxValue], (parts, seed) => (parts, Spell(parts, new Random(seed))));

    private static readonly string[] WhiteSpace = ["", "", " ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u001f"];

    private static string Spell(VersionParts parts, Random random)
    {
        string Pick(params string[] options) => options[random.Next(options.Length)];
        string Case(string text) => random.Next(3) == 0 ? text.ToUpperInvariant() : text;
        string Number(long number) => random.Next(4) == 0 ? "00" + number.ToString(CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture);

        var text = Pick(WhiteSpace) + Pick("", "", "v", "V");
        if (parts.Epoch != 0 || random.Next(4) == 0)
        {
            text += Number(parts.Epoch) + "!";
        }

        text += string.Join('.', parts.Release.Select(Number));
        var preNumberOmitted = false;
        if (parts.Pre is { } pre)
        {
            var label = pre.Label switch
            {
                "a" => Pick("a", "alpha"),
                "b" => Pick("b", "beta"),
                _ => Pick("rc", "c", "pre", "preview"),
            };
            preNumberOmitted = pre.Number == 0 && random.Next(2) == 0;
            text += Pick("", ".", "-", "_") + Case(label) + (preNumberOmitted ? string.Empty : Pick("", ".", "-", "_") + Number(pre.Number));
        }

        if (parts.Post is { } post)
        {
            if (!preNumberOmitted && random.Next(4) == 0)
            {
                text += "-" + Number(post);
            }
            else
            {
                var omitNumber = post == 0 && random.Next(2) == 0;
                text += Pick("", ".", "-", "_") + Case(Pick("post", "rev", "r")) + (omitNumber ? string.Empty : Pick("", ".", "-", "_") + Number(post));
            }
        }

        if (parts.Dev is { } dev)
        {
            var omitNumber = dev == 0 && random.Next(2) == 0;
            text += Pick("", ".", "-", "_") + Case("dev") + (omitNumber ? string.Empty : Pick("", ".", "-", "_") + Number(dev));
        }

        if (parts.Local.Length > 0)
        {
            text += "+" + string.Join(string.Empty, parts.Local.Select((segment, index) =>
                (index == 0 ? string.Empty : Pick(".", "-", "_")) + (segment.All(char.IsAsciiDigit) && random.Next(3) == 0 ? "0" + segment : Case(segment))));
        }

        return text + Pick(WhiteSpace);
    }
}
