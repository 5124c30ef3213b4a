using BenchmarkDotNet.Attributes;
using VenvStacks.Packaging.Pep440;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Benchmarks.Packaging;

/// <summary>Filtering 1,000 candidate versions through a specifier set, as a resolver does for each package.</summary>
[MemoryDiagnoser]
public class SpecifierSetFilterBenchmarks
{
    private readonly SpecifierSet _set = SpecifierSet.Parse(">=1.2,!=1.5.*,<3.0");
    private Version[] _versions = [];
    private string[] _texts = [];

    /// <summary>Prepares the candidates.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchmarkVersions.IndexLike(1000);
        _versions = _texts.Select(Version.Parse).ToArray();
    }

    /// <summary>Filters parsed versions with PEP 440's pre-release default.</summary>
    [Benchmark]
    public int FilterVersions()
    {
        var count = 0;
        foreach (var _ in _set.Filter(_versions))
        {
            count++;
        }

        return count;
    }

    /// <summary>Filters version strings (each is parsed).</summary>
    [Benchmark]
    public int FilterStrings()
    {
        var count = 0;
        foreach (var _ in _set.Filter(_texts))
        {
            count++;
        }

        return count;
    }

    /// <summary>1,000 single containment checks of parsed versions.</summary>
    [Benchmark]
    public int ContainsEach()
    {
        var count = 0;
        foreach (var version in _versions)
        {
            count += _set.Contains(version) ? 1 : 0;
        }

        return count;
    }
}
