using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Tests.Specs;

/// <summary>
/// Whatever bytes a spec holds — a valid spec with something hostile spliced in, deep nesting of every kind, names too
/// long for a file system, bad index URLs, garbage text or binary data — loading it only ever produces coded
/// diagnostics with a location in the spec, at most <see cref="DiagnosticBag.MaxPerFile"/> + 1 of them, and never
/// throws. Inputs are bounded (depths to a few thousand, sizes to a few hundred KB) so every sample is quick.
/// </summary>
public sealed partial class SpecGarbagePropertyTests
{
    private const string ValidSpec = """
        [[runtimes]]
        name = "cpython-3.11"
        python_implementation = "cpython@3.11.11"
        requirements = ["numpy>=2"]

        [[applications]]
        name = "app"
        runtime = "cpython-3.11"
        requirements = ["scipy"]
        launch_module = "app.py"

        [[tool.uv.index]]
        name = "local"
        url = "https://example.invalid/simple"

        """;

    private static readonly string[] Tokens =
    [
        "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "\"", "'", "\"\"\"", "'''", "#", "\n", "\r\n", " ", "\t", "a", "1",
        "1.5", "true", "x.y", "runtimes", "frameworks", "applications", "tool", "uv", "name", "requirements", "url",
        "\\", "\\u00e9", "é", "\u00a0", "\ud83d\ude00", "\ud800", "(", ")", ";", "python_version > '3'", "\u0001",
    ];

    private static readonly Gen<string> TokenGarbage = Gen.OneOf(Tokens).Array[0, 40].Select(parts => string.Concat(parts));

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    /// <summary>A fragment with nesting somewhere between harmless and far too deep.</summary>
    private static readonly Gen<string> DeepNesting = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3_000]).Select((kind, depth) => kind switch
    {
        0 => "[" + string.Join('.', Enumerable.Repeat("a", depth + 1)) + "]\nx = 1\n",
        1 => "[tool.uv." + string.Join('.', Enumerable.Repeat("\"q.r\"", depth + 1)) + "]\n",
        2 => "junk = " + Repeat("[", depth) + Repeat("]", depth) + "\n",
        3 => "junk = " + Repeat("{a=", depth) + "1" + Repeat("}", depth) + "\n",
        4 => "[[runtimes]]\nname = \"m\"\npython_implementation = \"cpython@3.11.7\"\nrequirements = [\"quillon ; " + Repeat("(", depth) + "os_name == 'nt'" + Repeat(")", depth) + "\"]\n",
        _ => string.Join('.', Enumerable.Repeat("k", depth + 1)) + " = [" + Repeat("[", depth % 80) + "\n",
    });

    /// <summary>A layer whose name is long, multi-byte or both.</summary>
    private static readonly Gen<string> LongNames = Gen.Select(Gen.Int[90, 400], Gen.OneOf(Gen.Const("n"), Gen.Const("é"), Gen.Const("\ud83d\ude00")))
        .Select((length, unit) => $"[[frameworks]]\nname = \"{Repeat(unit, length)}\"\nruntime = \"cpython-3.11\"\nrequirements = []\n");

    private static readonly Gen<string> IndexUrls = Gen.OneOf(
            Gen.Const("ftp://127.0.0.1/simple"), Gen.Const("javascript:alert(1)"), Gen.Const("http://127.0.0.1:99999/simple"),
            Gen.Const(""), Gen.Const("http://"), Gen.Const("http://[::1"), Gen.Const("not a url"), Gen.Const("file:///tmp"))
        .Select(url => $"[[tool.uv.index]]\nurl = \"{url}\"\n");

    /// <summary>Enough garbage lines to produce far more errors than the cap.</summary>
    private static readonly Gen<string> ManyErrors = Gen.Int[50, 3_000].Select(lines => Repeat("= = =\n", lines));

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (3, DeepNesting), (2, LongNames), (2, IndexUrls), (2, TokenGarbage), (1, ManyErrors));

    /// <summary>The valid spec with a fragment spliced in at a line boundary (or in the middle of a line).</summary>
    private static readonly Gen<byte[]> TextSpecs = Gen.Select(Fragment, Gen.Int[0, ValidSpec.Length], Gen.Bool)
        .Select((fragment, at, onLineStart) =>
        {
            var position = onLineStart ? ValidSpec.LastIndexOf('\n', Math.Max(0, at - 1)) + 1 : at;
            return Encoding.UTF8.GetBytes(ValidSpec[..position] + fragment + ValidSpec[position..]);
        });

    /// <summary>Random bytes, a valid spec with random bytes after it, or UTF-16 text without a byte order mark.</summary>
    private static readonly Gen<byte[]> BinarySpecs = Gen.Frequency(
        (1, Gen.Byte.Array[1, 200_000]),
        (1, Gen.Byte.Array[1, 5_000].Select(tail => Encoding.UTF8.GetBytes(ValidSpec).Concat(tail).ToArray())),
        (1, Gen.Const(Encoding.Unicode.GetBytes(ValidSpec))));

    [Fact]
    public void Hostile_specs_give_only_coded_located_diagnostics_in_bounded_number()
    {
        Gen.Frequency((4, TextSpecs), (1, BinarySpecs)).Sample(CheckLoad, iter: 300, threads: 1);
    }

    private static void CheckLoad(byte[] content)
    {
        using var files = new SpecFiles();
        files.Touch("app.py");

        var result = files.LoadBytes(content);

        result.Diagnostics.Length.ShouldBeLessThanOrEqualTo(DiagnosticBag.MaxPerFile + 1);
        foreach (var diagnostic in result.Diagnostics)
        {
            CodePattern().IsMatch(diagnostic.Code).ShouldBeTrue(diagnostic.ToString());
            diagnostic.Code.ShouldNotBe("VSTK9999");
            // Tomlyn's own depth limit is only a last line of defence: the text check must always come first.
            diagnostic.Message.ShouldNotContain("maximum depth", Case.Insensitive, diagnostic.ToString());
            var location = diagnostic.Location.ShouldNotBeNull(diagnostic.ToString());
            location.File.ShouldBe(files.SpecPath, diagnostic.ToString());
            location.Line.ShouldBeGreaterThan(0, diagnostic.ToString());
            location.Column.ShouldBeGreaterThan(0, diagnostic.ToString());
        }

        (result.Spec is null).ShouldBe(result.HasErrors);
    }

    [GeneratedRegex("^VSTK[0-8][0-9]{3}$")]
    private static partial Regex CodePattern();
}
