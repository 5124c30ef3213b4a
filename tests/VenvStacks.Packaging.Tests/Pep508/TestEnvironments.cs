using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Tests.Pep508;

internal static class TestEnvironments
{
    public static MarkerEnvironment LinuxCPython311 { get; } = new(new Dictionary<string, string>
    {
        ["implementation_name"] = "cpython",
        ["implementation_version"] = "3.11.7",
        ["os_name"] = "posix",
        ["platform_machine"] = "x86_64",
        ["platform_release"] = "6.5.0-1025-azure",
        ["platform_system"] = "Linux",
        ["platform_version"] = "#26~22.04.1-Ubuntu SMP",
        ["python_full_version"] = "3.11.7",
        ["platform_python_implementation"] = "CPython",
        ["python_version"] = "3.11",
        ["sys_platform"] = "linux",
    });
}
