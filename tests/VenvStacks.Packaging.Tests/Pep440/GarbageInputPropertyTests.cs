using CsCheck;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Pep751;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.Pep440;

/// <summary>Any input either parses or fails with <see cref="PackagingFormatException"/> pointing inside the input.</summary>
public sealed class GarbageInputPropertyTests
{
    private static readonly string[] Tokens =
    [
        "1", "0", "42", ".", "!", "+", "-", "_", "*", ".*", "v", "a", "b", "rc", "c", "pre", "post", "dev", "rev", "r",
        "==", "!=", "<=", ">=", "<", ">", "~=", "===", "=", ",", ";", "(", ")", "[", "]", "@", " ", "\t", "\n", "'", "\"",
        "\\", "\\x4", "and", "or", "in", "not", "python_version", "os.name", "extra", "extras", "name", "é", "İ", "\u00a0",
        "\ud83d\ude00", "\ud800", "https://x/y",
    ];

    private static readonly Gen<string> Garbage = Gen.Frequency(
        (3, Gen.OneOf(Tokens).Array[0, 14].Select(parts => string.Concat(parts))),
        (1, Gen.String));

    /// <summary>Garbage wrapped in up to 300 levels of parentheses, brackets or braces (unbalanced at times), so
    /// that nesting limits are crossed from both sides; the depth is bounded so every sample stays small.</summary>
    private static readonly Gen<string> DeeplyNested = Gen.Select(
        Gen.Int[0, 300],
        Gen.OneOf(Gen.Const("("), Gen.Const("["), Gen.Const("{a="), Gen.Const("(os_name == 'x' or ")),
        Garbage,
        Gen.Int[-2, 2]).Select((depth, open, inner, imbalance) =>
            string.Concat(Enumerable.Repeat(open, depth)) + inner + new string(Closer(open), Math.Max(0, depth + imbalance)));

    /// <summary>A table header with up to 300 dotted segments (some quoted), then garbage.</summary>
    private static readonly Gen<string> DeepHeaders = Gen.Select(Gen.Int[0, 300], Gen.OneOf(Gen.Const("a"), Gen.Const("\"a.b\""), Gen.Const(" a ")), Garbage)
        .Select((depth, segment, rest) => "[tool." + string.Join('.', Enumerable.Repeat(segment, depth + 1)) + "]\n" + rest);

    [Fact]
    public void Versions_fail_only_with_a_positioned_format_exception()
    {
        Garbage.Sample(text => CheckFailure(text, () => Version.Parse(text)), iter: 20_000);
    }

    [Fact]
    public void Specifiers_and_specifier_sets_fail_only_with_a_positioned_format_exception()
    {
        Garbage.Sample(text =>
        {
            CheckFailure(text, () => Specifier.Parse(text));
            CheckFailure(text, () => SpecifierSet.Parse(text));
        }, iter: 20_000);
    }

    [Fact]
    public void Markers_and_requirements_fail_only_with_a_positioned_format_exception()
    {
        Garbage.Sample(text =>
        {
            CheckFailure(text, () => Marker.Parse(text));
            CheckFailure(text, () => Requirement.Parse(text));
            CheckFailure("os_name == " + text, () => Marker.Parse("os_name == " + text));
            CheckFailure("name" + text, () => Requirement.Parse("name" + text));
        }, iter: 20_000);
    }

    [Fact]
    public void Deeply_nested_markers_and_requirements_fail_only_with_a_positioned_format_exception()
    {
        DeeplyNested.Sample(text =>
        {
            CheckFailure(text, () => Marker.Parse(text));
            CheckFailure("name ; " + text, () => Requirement.Parse("name ; " + text));
        }, iter: 2_000);
    }

    [Fact]
    public void Garbage_and_deeply_nested_lock_files_fail_only_with_a_positioned_format_exception()
    {
        const string Valid = "lock-version = \"1.0\"\ncreated-by = \"uv\"\npackages = []\n";
        Gen.Frequency((1, Garbage), (1, DeeplyNested.Select(nested => "junk = " + nested)), (1, DeepHeaders))
            .Sample(text => CheckFailure(Valid + text, () => PyLock.Parse(Valid + text)), iter: 2_000);
    }

    [Fact]
    public void Sdist_file_names_fail_only_with_a_positioned_format_exception()
    {
        Garbage.Sample(text => CheckFailure(text + ".tar.gz", () => SdistFileName.Parse(text + ".tar.gz")), iter: 5_000);
    }

    private static char Closer(string open) => open[0] switch
    {
        '(' => ')',
        '[' => ']',
        _ => '}',
    };

    private static void CheckFailure(string input, Func<object> parse)
    {
        try
        {
            parse();
        }
        catch (PackagingFormatException error)
        {
            error.Input.ShouldBe(input);
            error.Position.ShouldBeInRange(0, input.Length);
            error.Length.ShouldBeGreaterThanOrEqualTo(0);
            (error.Position + error.Length).ShouldBeLessThanOrEqualTo(input.Length);
            error.Message.ShouldNotBeNullOrWhiteSpace();
        }
    }
}
