namespace VenvStacks.Sdk.Tests.Building;

/// <summary>A fact that builds layers: skipped where no test runtime or compiled test wheel can be made.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BuildFactAttribute : FactAttribute
{
    /// <summary>Skips on a machine without the Python, patchelf or gcc the scenario needs.</summary>
    public BuildFactAttribute()
    {
        if (BuildScenario.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
