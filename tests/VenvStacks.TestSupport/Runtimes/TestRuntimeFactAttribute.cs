using Xunit;

namespace VenvStacks.TestSupport.Runtimes;

/// <summary>A fact that needs <see cref="TestRuntimes"/>; skipped with <see cref="TestRuntimes.SkipReason"/> on a
/// machine that cannot make them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TestRuntimeFactAttribute : FactAttribute
{
    /// <summary>Skips when the machine cannot make the runtimes.</summary>
    public TestRuntimeFactAttribute()
    {
        if (TestRuntimes.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs <see cref="TestRuntimes"/>; skipped like <see cref="TestRuntimeFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TestRuntimeTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips when the machine cannot make the runtimes.</summary>
    public TestRuntimeTheoryAttribute()
    {
        if (TestRuntimes.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
