using VenvStacks.Packaging.Tests.Index;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>A theory that needs pip on the machine (skipped with a message where there is none).</summary>
internal sealed class PipTheoryAttribute : TheoryAttribute
{
    public PipTheoryAttribute()
    {
        if (PipFactAttribute.Pip is null)
        {
            Skip = "No Python with pip found (set " + PipRunner.PythonVariable + ").";
        }
    }
}
