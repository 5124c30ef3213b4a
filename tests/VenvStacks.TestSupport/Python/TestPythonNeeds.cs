namespace VenvStacks.TestSupport.Python;

/// <summary>What a test needs from its Python beyond the version.</summary>
[Flags]
public enum TestPythonNeeds
{
    /// <summary>Only that it runs.</summary>
    None = 0,

    /// <summary>pip is importable (to install wheels, or to use pip as an oracle).</summary>
    Pip = 1,

    /// <summary>The C headers (<c>Python.h</c> in <c>sysconfig.get_paths()["include"]</c>), to compile extensions.</summary>
    Headers = 2,

    /// <summary>A self-contained installation (its own prefix, not a distribution's <c>/usr</c>) whose ensurepip
    /// ships its wheels: what <c>build/make-test-runtime.sh</c> can pack, and a source of real wheels.</summary>
    BundledWheels = 4,
}
