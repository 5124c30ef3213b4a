namespace VenvStacks.Packaging.Pep508;

/// <summary>The environment marker variable names, with the index each has in a <see cref="MarkerEnvironment"/>.</summary>
internal static class MarkerVariables
{
    public const int ImplementationName = 0;
    public const int ImplementationVersion = 1;
    public const int OsName = 2;
    public const int PlatformMachine = 3;
    public const int PlatformRelease = 4;
    public const int PlatformSystem = 5;
    public const int PlatformVersion = 6;
    public const int PythonFullVersion = 7;
    public const int PlatformPythonImplementation = 8;
    public const int PythonVersion = 9;
    public const int SysPlatform = 10;
    public const int Extra = 11;
    public const int Extras = 12;
    public const int DependencyGroups = 13;
    public const int Unknown = -1;

    /// <summary>The names in index order.</summary>
    public static readonly string[] Names =
    [
        "implementation_name",
        "implementation_version",
        "os_name",
        "platform_machine",
        "platform_release",
        "platform_system",
        "platform_version",
        "python_full_version",
        "platform_python_implementation",
        "python_version",
        "sys_platform",
        "extra",
        "extras",
        "dependency_groups",
    ];

    /// <summary>The number of string-valued variables (those before <see cref="Extras"/>).</summary>
    public const int StringValuedCount = 12;

    public static int IndexOf(string name) => Array.IndexOf(Names, name);

    /// <summary>Variables compared as PEP 440 versions when the other side is a valid specifier version.</summary>
    public static bool IsVersionValued(int index) => index is ImplementationVersion or PlatformRelease or PythonFullVersion or PythonVersion;

    /// <summary>Set-valued variables of lock files (PEP 751), which only support <c>in</c>/<c>not in</c>.</summary>
    public static bool IsSetValued(int index) => index is Extras or DependencyGroups;
}
