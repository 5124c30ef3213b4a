namespace VenvStacks.TestSupport.FileSystem;

/// <summary>The smallest stack with an application, for tests about its launch and support modules.</summary>
public static class ModuleSpecs
{
    /// <summary>The 1-based line of <c>launch_module</c> in <see cref="VersionedApplication"/>; <c>support_modules</c> follows it.</summary>
    public const int LaunchModuleLine = 10;

    /// <summary>
    /// A runtime and a versioned application <c>app-tool</c> on it (so its module hashes are lock inputs), with the
    /// given module paths written as TOML strings.
    /// </summary>
    public static string VersionedApplication(string launchModule, string? supportModule = null) => $"""
        [[runtimes]]
        name = "cpython-3.11"
        python_implementation = "cpython@3.11.11"
        requirements = []

        [[applications]]
        name = "tool"
        runtime = "cpython-3.11"
        requirements = []
        launch_module = "{launchModule}"
        support_modules = [{(supportModule is null ? string.Empty : $"\"{supportModule}\"")}]
        versioned = true
        """;
}
