using VenvStacks.Packaging.Pep751;
using VenvStacks.TestSupport;

namespace VenvStacks.Packaging.Tests.Pep751;

/// <summary>Every lock file venvstacks committed upstream reads and writes back byte for byte.</summary>
[Trait("Category", "Conformance")]
public sealed class PyLockConformanceTests
{
    private static readonly string VenvstacksData = TestData.PathTo("venvstacks");

    public static TheoryData<string> LockFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(VenvstacksData, "pylock.*.toml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(VenvstacksData, path).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void The_venvstacks_data_contains_lock_files() =>
        LockFiles().Count.ShouldBeGreaterThan(0, $"no pylock.*.toml below {VenvstacksData}");

    [Theory]
    [MemberData(nameof(LockFiles))]
    public async Task Lock_file_round_trips_byte_for_byte(string relativePath)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(VenvstacksData, relativePath));
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        var written = PyLock.Parse(text).ToToml();

        System.Text.Encoding.UTF8.GetBytes(written).ShouldBe(bytes, $"{relativePath} changed on round trip:\n{written}");
    }

    [Theory]
    [MemberData(nameof(LockFiles))]
    public async Task Lock_file_has_venvstacks_header_and_uv_body(string relativePath)
    {
        var lockFile = await PyLock.ReadAsync(Path.Combine(VenvstacksData, relativePath));

        lockFile.HeaderComments.Count.ShouldBe(3);
        lockFile.HeaderComments[0].ShouldStartWith(" Locked requirements for ");
        lockFile.HeaderComments[0].ShouldEndWith(" (DO NOT EDIT)");
        lockFile.LockVersion.ShouldBe("1.0");
        lockFile.CreatedBy.ShouldBe("uv");
        lockFile.Packages.ShouldNotBeEmpty();
        lockFile.Unknown.ShouldBeEmpty();
        foreach (var package in lockFile.Packages)
        {
            package.Unknown.ShouldBeEmpty();
            if (package.IsFromLowerLayer)
            {
                package.Wheels.ShouldBeNull();
                package.Index.ShouldBeNull();
            }
            else
            {
                package.Wheels.ShouldNotBeNull().ShouldAllBe(w => w.Hashes.ContainsKey("sha256") && w.Size > 0 && w.UploadTime != null);
            }
        }
    }

    [Theory]
    [MemberData(nameof(LockFiles))]
    public async Task Written_lock_reads_back_to_an_equal_model(string relativePath)
    {
        var lockFile = await PyLock.ReadAsync(Path.Combine(VenvstacksData, relativePath));

        PyLock.Parse(lockFile.ToToml()).ShouldBe(lockFile);
    }
}
