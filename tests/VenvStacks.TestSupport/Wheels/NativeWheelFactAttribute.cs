using VenvStacks.TestSupport.Python;
using Xunit;

namespace VenvStacks.TestSupport.Wheels;

/// <summary>A fact that builds native test wheels for a CPython version (<c>any</c>, <c>X.Y</c>, <c>X.Y+</c>); skipped
/// with <see cref="NativeWheelBuilder.SkipReason"/> where the machine cannot.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativeWheelFactAttribute : FactAttribute
{
    /// <param name="version">The CPython the wheels are for.</param>
    public NativeWheelFactAttribute(string version = "any")
    {
        if (NativeWheelBuilder.SkipReason(PythonRequest.Parse(version)) is { } reason)
        {
            Skip = reason;
        }
    }
}
