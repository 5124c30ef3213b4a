using BenchmarkDotNet.Attributes;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Benchmarks.Packaging;

/// <summary>Evaluating typical environment markers against a Linux CPython 3.11 environment.</summary>
[MemoryDiagnoser]
public class MarkerEvaluateBenchmarks
{
    private static readonly string[] MarkerTexts =
    [
        "python_version >= \"3.8\"",
        "sys_platform == \"win32\" and platform_machine == \"AMD64\"",
        "python_version < \"3.11\" or extra == \"test\"",
        "platform_python_implementation == 'CPython' and python_full_version >= '3.9.1'",
    ];

    private readonly Marker[] _markers = MarkerTexts.Select(Marker.Parse).ToArray();

    private readonly MarkerEnvironment _environment = new(new Dictionary<string, string>
    {
        ["implementation_name"] = "cpython",
        ["implementation_version"] = "3.11.7",
        ["os_name"] = "posix",
        ["platform_machine"] = "x86_64",
        ["platform_release"] = "6.5.0-1025-azure",
        ["platform_system"] = "Linux",
        ["platform_version"] = "#26~22.04.1-Ubuntu SMP",
        ["python_full_version"] = "3.11.7",
        ["platform_python_implementation"] = "CPython",
        ["python_version"] = "3.11",
        ["sys_platform"] = "linux",
    });

    /// <summary>Evaluates the four markers; reported per evaluation.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    public int Evaluate()
    {
        var count = 0;
        foreach (var marker in _markers)
        {
            count += marker.Evaluate(_environment) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Parses the four markers; reported per parse.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    public Marker? Parse()
    {
        Marker? last = null;
        foreach (var text in MarkerTexts)
        {
            last = Marker.Parse(text);
        }

        return last;
    }
}
