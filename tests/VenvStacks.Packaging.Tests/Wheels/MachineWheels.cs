using System.IO.Compression;
using VenvStacks.TestSupport.Python;

namespace VenvStacks.Packaging.Tests.Wheels;

/// <summary>
/// Real wheels that happen to be installed on the build machine: the ensurepip wheels (pip, setuptools) of the test
/// Python (see <see cref="TestPythonSearch"/>) and Debian's python-wheels. Tests over them are skipped with a message
/// where none exist.
/// </summary>
internal static class MachineWheels
{
    private static readonly string[] Directories =
    [
        .. TestPython.FindAll(PythonRequest.Any, TestPythonNeeds.BundledWheels).Take(1).Select(p => p.BundledWheelsDirectory!),
        "/usr/share/python-wheels",
    ];

    /// <summary>Every <c>*.whl</c> in the known folders that exist.</summary>
    public static IReadOnlyList<string> Paths { get; } = Directories
        .Where(Directory.Exists)
        .SelectMany(d => Directory.EnumerateFiles(d, "*.whl"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Why wheel tests are skipped, or null when there are wheels.</summary>
    public static string? SkipReason =>
        Paths.Count == 0 ? "No wheels on this machine in " + string.Join(" or ", Directories) : null;

    /// <summary>The wheel paths as theory data.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var path in Paths)
        {
            data.Add(path);
        }

        return data;
    }

    /// <summary>The bytes of <c>*.dist-info/<paramref name="fileName"/></c> inside the wheel.</summary>
    public static byte[] ReadDistInfoFile(string wheelPath, string fileName)
    {
        using var archive = ZipFile.OpenRead(wheelPath);
        var entry = archive.Entries.Single(e =>
            e.FullName.EndsWith(".dist-info/" + fileName, StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 1);
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Every file entry of the wheel with its content.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> ReadAllFiles(string wheelPath)
    {
        using var archive = ZipFile.OpenRead(wheelPath);
        var files = new List<(string, byte[])>();
        foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files.Add((entry.FullName, buffer.ToArray()));
        }

        return files;
    }

    /// <summary>Project name and version from a wheel file name (<c>name-version-...whl</c>).</summary>
    public static (string Name, string Version) NameAndVersion(string wheelPath)
    {
        var parts = Path.GetFileName(wheelPath).Split('-');
        return (parts[0], parts[1]);
    }
}

/// <summary>A theory over <see cref="MachineWheels.All"/> that is skipped when the machine has no such wheels.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MachineWheelsTheoryAttribute : TheoryAttribute
{
    public MachineWheelsTheoryAttribute() => Skip = MachineWheels.SkipReason!;
}
