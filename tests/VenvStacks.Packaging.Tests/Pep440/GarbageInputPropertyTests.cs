using CsCheck;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
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
    public void Sdist_file_names_fail_only_with_a_positioned_format_exception()
    {
        Garbage.Sample(text => CheckFailure(text + ".tar.gz", () => SdistFileName.Parse(text + ".tar.gz")), iter: 5_000);
    }

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
