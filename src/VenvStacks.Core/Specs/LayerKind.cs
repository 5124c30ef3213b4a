namespace VenvStacks.Core.Specs;

/// <summary>The three kinds of layer a stack is made of.</summary>
public enum LayerKind
{
    /// <summary>A Python runtime (python-build-standalone) plus packages installed straight into it.</summary>
    Runtime,

    /// <summary>A virtual environment on a runtime and other frameworks, shared by applications.</summary>
    Framework,

    /// <summary>A virtual environment with a launch module, run with <c>python -m</c>.</summary>
    Application,
}
