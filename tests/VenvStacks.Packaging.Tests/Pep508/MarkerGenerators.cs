using System.Text;
using CsCheck;

namespace VenvStacks.Packaging.Tests.Pep508;

/// <summary>Random marker expressions: any variables, operators, quoted values, <c>and</c>/<c>or</c> and parentheses.</summary>
internal static class MarkerGenerators
{
    private static readonly string[] Variables =
    [
        "python_version", "python_full_version", "os_name", "os.name", "sys_platform", "sys.platform", "platform_release",
        "platform_system", "platform_version", "platform.version", "platform_machine", "platform.machine",
        "platform_python_implementation", "platform.python_implementation", "python_implementation",
        "implementation_name", "implementation_version", "extra",
    ];

    private static readonly string[] Operators = ["==", "!=", "<", "<=", ">", ">=", "~=", "===", "in", "not in"];

    private static readonly string[] Values = ["3.11", "3.8", "3", "3.11.7", "3.*", "linux", "win32", "posix", "x86_64", "CPython", "Test_Extra", "1.0+local", "", "a b"];

    /// <summary>A marker text, built from a seed so that each sample is reproducible.</summary>
    public static readonly Gen<string> Marker = Gen.Int[0, int.MaxValue].Select(seed => Build(new Random(seed)));

    private static string Build(Random random)
    {
        var builder = new StringBuilder();
        AppendExpression(builder, random, depth: 0);
        return builder.ToString();
    }

    private static void AppendExpression(StringBuilder builder, Random random, int depth)
    {
        var terms = random.Next(1, depth == 0 ? 4 : 3);
        for (var i = 0; i < terms; i++)
        {
            if (i > 0)
            {
                builder.Append(Space(random, atLeastOne: true)).Append(random.Next(2) == 0 ? "and" : "or").Append(Space(random, atLeastOne: true));
            }

            if (depth < 2 && random.Next(4) == 0)
            {
                builder.Append('(').Append(Space(random));
                AppendExpression(builder, random, depth + 1);
                builder.Append(Space(random)).Append(')');
            }
            else
            {
                AppendComparison(builder, random);
            }
        }
    }

    private static void AppendComparison(StringBuilder builder, Random random)
    {
        var variable = Variables[random.Next(Variables.Length)];
        var value = Quote(random.Next(5) == 0 ? RandomValue(random) : Values[random.Next(Values.Length)], random);
        var op = Operators[random.Next(Operators.Length)];
        var (left, right) = random.Next(4) == 0 ? (value, variable) : (variable, value);
        builder.Append(left).Append(Space(random, atLeastOne: op.Contains('n', StringComparison.Ordinal))).Append(op)
            .Append(Space(random, atLeastOne: op.Contains('n', StringComparison.Ordinal))).Append(right);
    }

    private static string RandomValue(Random random)
    {
        const string alphabet = "abcXYZ019.-_=<>()!;@~ '\"";
        var length = random.Next(0, 8);
        var value = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

        // A value cannot hold both quote characters and still be printed.
        return value.Contains('\'', StringComparison.Ordinal) ? value.Replace("\"", string.Empty, StringComparison.Ordinal) : value;
    }

    private static string Quote(string value, Random random)
    {
        if (value.Contains('\'', StringComparison.Ordinal))
        {
            return "\"" + value + "\"";
        }

        return value.Contains('"', StringComparison.Ordinal) || random.Next(2) == 0 ? "'" + value + "'" : "\"" + value + "\"";
    }

    private static string Space(Random random, bool atLeastOne = false)
    {
        var spaces = random.Next(atLeastOne ? 1 : 0, 3);
        return new string(Enumerable.Range(0, spaces).Select(_ => random.Next(3) == 0 ? '\t' : ' ').ToArray());
    }
}
