using BenchmarkDotNet.Attributes;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Benchmarks.Packaging;

/// <summary>PEP 440 parsing of ten typical version strings per invocation.</summary>
[MemoryDiagnoser]
public class VersionParseBenchmarks
{
    private readonly string[] _inputs = BenchmarkVersions.Typical;

    /// <summary>Parses each string once; the result is reported per parse.</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public Version? Parse()
    {
        Version? last = null;
        foreach (var input in _inputs)
        {
            last = Version.Parse(input);
        }

        return last;
    }

    /// <summary>Parses and prints each string (the canonical form is reused when the input already is canonical).</summary>
    [Benchmark(OperationsPerInvoke = 10)]
    public string ParseAndFormat()
    {
        var last = string.Empty;
        foreach (var input in _inputs)
        {
            last = Version.Parse(input).ToString();
        }

        return last;
    }
}
