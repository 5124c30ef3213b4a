using BenchmarkDotNet.Attributes;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Benchmarks.Packaging;

/// <summary>Parsing typical <c>Requires-Dist</c> lines.</summary>
[MemoryDiagnoser]
public class RequirementParseBenchmarks
{
    private static readonly string[] Texts =
    [
        "requests>=2.31",
        "numpy>=1.22,<2.0; python_version >= \"3.9\"",
        "pytest[testing]>=7 ; extra == \"test\"",
        "typing-extensions>=4.6; python_version < \"3.12\" and platform_system != \"Windows\"",
    ];

    /// <summary>Parses the four requirements; reported per parse.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    public Requirement? Parse()
    {
        Requirement? last = null;
        foreach (var text in Texts)
        {
            last = Requirement.Parse(text);
        }

        return last;
    }
}
