namespace VenvStacks.Benchmarks.Locking;

/// <summary>The fresh-process "nothing to lock" runs (see <see cref="FreshProcessNoop"/>).</summary>
internal sealed class FreshProcessNoops
{
    /// <summary>The child's own time: spec load + resolver + lock.</summary>
    public Samples InProcess { get; } = new();

    /// <summary>The child process from start to exit, .NET start-up included.</summary>
    public Samples Wall { get; } = new();

    /// <summary>Each child's phase line (time and JIT share per phase).</summary>
    public List<string> Phases { get; } = [];

    /// <summary>The phase line of the extra child that does the lock engine's first step in pieces beforehand.</summary>
    public string? Breakdown { get; set; }
}
