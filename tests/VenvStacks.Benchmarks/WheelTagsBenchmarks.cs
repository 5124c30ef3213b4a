using BenchmarkDotNet.Attributes;
using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Benchmarks;

/// <summary>
/// Wheel file-name parsing and tag compatibility: what a resolver does for every file an index lists. The names are
/// the wheel_selection file names of pypa-packaging/tags.json; build/bench/wheel_tags_bench.py reads them from this
/// file to time pypa/packaging on the same input. Results: docs/benchmarks.md, "Packaging: wheel names and tags".
/// </summary>
[MemoryDiagnoser]
public class WheelTagsBenchmarks
{
    private static readonly string[] Names =
    [
        "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "numpy-1.26.4-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
        "numpy-1.26.4-cp311-cp311-musllinux_1_1_x86_64.whl",
        "numpy-1.26.4-cp311-cp311-musllinux_1_1_aarch64.whl",
        "numpy-1.26.4-cp311-cp311-macosx_10_9_x86_64.whl",
        "numpy-1.26.4-cp311-cp311-macosx_11_0_arm64.whl",
        "numpy-1.26.4-cp311-cp311-win_amd64.whl",
        "numpy-1.26.4-cp311-cp311-win32.whl",
        "numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "numpy-1.26.4-cp312-cp312-macosx_11_0_arm64.whl",
        "numpy-1.26.4-cp312-cp312-win_amd64.whl",
        "numpy-1.26.4-pp39-pypy39_pp73-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "numpy-2.1.0-cp312-cp312-macosx_14_0_arm64.whl",
        "numpy-2.1.0-cp312-cp312-macosx_14_0_x86_64.whl",
        "numpy-2.1.0-cp313-cp313t-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "numpy-2.1.0-cp312-cp312-win_arm64.whl",
        "numpy-2.1.0-cp311-cp311-manylinux_2_28_aarch64.whl",
        "numpy-1.26.4-py3-none-any.whl",
        "cryptography-42.0.5-cp39-abi3-manylinux_2_28_x86_64.whl",
        "cryptography-42.0.5-cp39-abi3-manylinux_2_28_aarch64.whl",
        "cryptography-42.0.5-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "cryptography-42.0.5-cp37-abi3-macosx_10_12_universal2.whl",
        "cryptography-42.0.5-cp39-abi3-win_amd64.whl",
        "cryptography-42.0.5-cp39-abi3-win32.whl",
        "cryptography-42.0.5-cp37-abi3-musllinux_1_2_x86_64.whl",
        "cryptography-42.0.5-pp310-pypy310_pp73-win_amd64.whl",
        "psutil-5.9.8-cp36-abi3-manylinux_2_12_x86_64.manylinux2010_x86_64.manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "psutil-5.9.8-cp37-abi3-win_amd64.whl",
        "psutil-5.9.8-cp36-abi3-macosx_10_9_x86_64.whl",
        "psutil-5.9.8-cp38-abi3-macosx_11_0_arm64.whl",
        "psutil-5.9.8-cp27-none-win_amd64.whl",
        "mixed-1.0-py3-none-any.whl",
        "mixed-1.0-py2.py3-none-any.whl",
        "mixed-1.0-cp311-none-any.whl",
        "mixed-1.0-cp312-none-any.whl",
        "mixed-1.0-py311-none-any.whl",
        "mixed-1.0-py3-none-win_amd64.whl",
        "mixed-1.0-py3-none-macosx_11_0_arm64.whl",
        "mixed-1.0-py3-none-manylinux_2_17_x86_64.whl",
        "mixed-1.0-py3-none-manylinux_2_17_aarch64.whl",
        "mixed-1.0-cp311-abi3-manylinux_2_28_x86_64.whl",
        "mixed-1.0-cp310-abi3-macosx_12_0_universal2.whl",
        "mixed-1.0-cp312-cp312-win_arm64.whl",
        "mixed-1.0-cp38-abi3-win_amd64.whl",
        "mixed-1.0-cp311-cp311-linux_x86_64.whl",
        "mixed-1.0-cp311-cp311-macosx_14_0_arm64.whl",
        "mixed-1.0-cp312-cp312-macosx_13_0_x86_64.whl",
        "mixed-1.0-cp311-cp311-manylinux_2_31_aarch64.whl",
        "mixed-1.0-py2-none-any.whl",
        "mixed-1.0-cp312-cp312-musllinux_1_2_x86_64.whl",
        "mixed-1.0-cp311-cp311-manylinux1_x86_64.whl",
        "ruff-0.3.0-py3-none-macosx_10_12_x86_64.macosx_11_0_arm64.macosx_10_12_universal2.whl",
        "ruff-0.3.0-py3-none-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
        "ruff-0.3.0-py3-none-win_arm64.whl",
        "ruff-0.3.0-py3-none-musllinux_1_2_x86_64.whl",
        "ruff-0.3.0-py3-none-win_amd64.whl",
        "ruff-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    ];

    private const int NameCount = 57;

    private SupportedTags supported = null!;
    private WheelFileName[] parsed = null!;

    /// <summary>CPython 3.11 on linux_x86_64 with the default glibc 2.28 target (714 supported tags).</summary>
    [GlobalSetup]
    public void Setup()
    {
        supported = BuildSupportedTags();
        parsed = Array.ConvertAll(Names, name => WheelFileName.Parse(name));
        if (Names.Length != NameCount)
        {
            throw new InvalidOperationException($"Expected {NameCount} names, found {Names.Length}.");
        }
    }

    /// <summary>Parse every name (result per name).</summary>
    [Benchmark(OperationsPerInvoke = NameCount)]
    public int ParseWheelFileName()
    {
        var parts = 0;
        foreach (var name in Names)
        {
            parts += WheelFileName.Parse(name).Tags.Count;
        }

        return parts;
    }

    /// <summary>Rank every already-parsed name against the supported tags (result per name).</summary>
    [Benchmark(OperationsPerInvoke = NameCount)]
    public int RankParsedWheel()
    {
        var compatible = 0;
        foreach (var wheel in parsed)
        {
            if (supported.RankOf(wheel.Tags) is not null)
            {
                compatible++;
            }
        }

        return compatible;
    }

    /// <summary>Parse and rank every name: the per-file cost of wheel selection (result per name).</summary>
    [Benchmark(OperationsPerInvoke = NameCount)]
    public int ParseAndRank()
    {
        var compatible = 0;
        foreach (var name in Names)
        {
            if (supported.RankOf(WheelFileName.Parse(name).Tags) is not null)
            {
                compatible++;
            }
        }

        return compatible;
    }

    /// <summary>Generate the target's supported-tag list and its rank index (once per target and layer).</summary>
    [Benchmark]
    public SupportedTags BuildSupportedTags() =>
        TargetPlatform.LinuxX64.GetSupportedTags(PythonImplementation.Parse("cpython@3.11.11"), LinuxTarget.Default, MacOSTarget.Default);
}
