namespace VenvStacks.Core.Specs.Reading;

/// <summary>The keys each kind of layer table may contain (docs/venvstacks-reference.md §1.2–1.5).</summary>
internal static class LayerKeys
{
    public static readonly string[] Common =
    [
        "name", "requirements", "platforms", "versioned", "linux_target", "macosx_target", "dynlib_exclude",
        "package_indexes", "priority_indexes", "index_overrides", "build_requirements",
    ];

    public static readonly string[] Runtime = [.. Common, "python_implementation", "fully_versioned_name"];

    public static readonly string[] Framework = [.. Common, "runtime", "frameworks"];

    public static readonly string[] Application = [.. Common, "runtime", "frameworks", "launch_module", "support_modules"];

    public static readonly string[] TopLevel = ["runtimes", "frameworks", "applications", "tool"];
}
