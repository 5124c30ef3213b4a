using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Packaging.Tests.Index;

/// <summary>A fact that needs pip on the machine (skipped with a message where there is none).</summary>
internal sealed class PipFactAttribute : FactAttribute
{
    public static readonly PipRunner? Pip = PipRunner.Find();

    public PipFactAttribute()
    {
        if (Pip is null)
        {
            Skip = "No Python with pip found (set " + PipRunner.PythonVariable + ").";
        }
    }
}
