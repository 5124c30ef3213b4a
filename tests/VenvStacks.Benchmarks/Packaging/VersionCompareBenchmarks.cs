using BenchmarkDotNet.Attributes;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Benchmarks.Packaging;

/// <summary>PEP 440 ordering: pairwise comparison and sorting; comparison must not allocate.</summary>
[MemoryDiagnoser]
public class VersionCompareBenchmarks
{
    private Version[] _versions = [];
    private Version[] _sortBuffer = [];

    /// <summary>Parses the inputs once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _versions = BenchmarkVersions.IndexLike(1000).Select(Version.Parse).ToArray();
        _sortBuffer = new Version[_versions.Length];
    }

    /// <summary>999 comparisons of neighbouring versions; reported per comparison.</summary>
    [Benchmark(OperationsPerInvoke = 999)]
    public int Compare()
    {
        var sum = 0;
        var versions = _versions;
        for (var i = 1; i < versions.Length; i++)
        {
            sum += versions[i - 1].CompareTo(versions[i]);
        }

        return sum;
    }

    /// <summary>Equality (PEP 440: <c>1.0 == 1.0.0</c>) of neighbouring versions; reported per comparison.</summary>
    [Benchmark(OperationsPerInvoke = 999)]
    public int Equal()
    {
        var count = 0;
        var versions = _versions;
        for (var i = 1; i < versions.Length; i++)
        {
            count += versions[i - 1] == versions[i] ? 1 : 0;
        }

        return count;
    }

    /// <summary>Sorting 1,000 versions in place.</summary>
    [Benchmark]
    public Version Sort()
    {
        Array.Copy(_versions, _sortBuffer, _versions.Length);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }
}
