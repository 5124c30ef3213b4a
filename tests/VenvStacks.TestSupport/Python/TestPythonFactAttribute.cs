using Xunit;

namespace VenvStacks.TestSupport.Python;

/// <summary>A fact that needs a real CPython (see <see cref="TestPythonSearch"/>); skipped with a message saying
/// what was looked for where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TestPythonFactAttribute : FactAttribute
{
    /// <param name="version"><c>any</c> (3.11 or newer), <c>X.Y</c>, or <c>X.Y+</c>.</param>
    /// <param name="needs">What the interpreter must have besides the version.</param>
    public TestPythonFactAttribute(string version = "any", TestPythonNeeds needs = TestPythonNeeds.None)
    {
        if (TestPython.SkipReason(PythonRequest.Parse(version), needs) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs a real CPython; skipped like <see cref="TestPythonFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TestPythonTheoryAttribute : TheoryAttribute
{
    /// <param name="version"><c>any</c> (3.11 or newer), <c>X.Y</c>, or <c>X.Y+</c>.</param>
    /// <param name="needs">What the interpreter must have besides the version.</param>
    public TestPythonTheoryAttribute(string version = "any", TestPythonNeeds needs = TestPythonNeeds.None)
    {
        if (TestPython.SkipReason(PythonRequest.Parse(version), needs) is { } reason)
        {
            Skip = reason;
        }
    }
}
