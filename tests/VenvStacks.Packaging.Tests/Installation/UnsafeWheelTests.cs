using System.Text;
using VenvStacks.Packaging.Installation;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Installation;

/// <summary>Every wheel a malicious or broken build could produce is refused with a typed error before anything is
/// written.</summary>
public class UnsafeWheelTests
{
    private static readonly WheelBuilder Base = new WheelBuilder("evil", "1.0").WithModule("evil/__init__.py", "X = 1\n");

    public static TheoryData<string, InstallationErrorKind, string?> ForgedEntries() => new()
    {
        { "../x", InstallationErrorKind.UnsafeEntryName, "../x" },
        { "evil/../../x", InstallationErrorKind.UnsafeEntryName, "evil/../../x" },
        { "/etc/x", InstallationErrorKind.UnsafeEntryName, "/etc/x" },
        { "C:\\x", InstallationErrorKind.UnsafeEntryName, "C:\\x" },
        { "C:/x", InstallationErrorKind.UnsafeEntryName, "C:/x" },
        { "evil\\..\\..\\x", InstallationErrorKind.UnsafeEntryName, "evil\\..\\..\\x" },
        { "evil/./x", InstallationErrorKind.UnsafeEntryName, "evil/./x" },
        { "evil//x", InstallationErrorKind.UnsafeEntryName, "evil//x" },
        { "evil/x:stream", InstallationErrorKind.UnsafeEntryName, "evil/x:stream" },
        { "evil/x\u0000.py", InstallationErrorKind.UnsafeEntryName, "evil/x\u0000.py" },
        { "evil-1.0.data/../../x", InstallationErrorKind.UnsafeEntryName, "evil-1.0.data/../../x" },
        { "evil-1.0.data/scripts/../../../x", InstallationErrorKind.UnsafeEntryName, "evil-1.0.data/scripts/../../../x" },
        { "evil-1.0.data/secrets/x", InstallationErrorKind.InvalidDataDirectory, "evil-1.0.data/secrets/x" },
        { "evil-1.0.data/scripts", InstallationErrorKind.InvalidDataDirectory, "evil-1.0.data/scripts" },
    };

    [Theory]
    [MemberData(nameof(ForgedEntries))]
    public async Task An_unsafe_entry_name_is_refused_and_nothing_is_written(string entryName, InstallationErrorKind kind, string? entry)
    {
        using var target = new InstallTarget();
        var wheel = Base.WithModule(entryName, "pwned\n").Build();

        var error = await RefusedAsync(target, wheel.WriteTo(target.Wheels), kind);

        error.Entry.ShouldBe(entry);
        error.Subject.ShouldBe(wheel.FileName);
        error.Message.ShouldContain(wheel.FileName);
    }

    [Fact]
    public async Task A_symbolic_link_entry_is_refused()
    {
        using var target = new InstallTarget();
        var path = WheelEditor.Write(Base.Build(), target.Wheels, entries =>
            entries.Insert(0, new EditableEntry("evil/link", Encoding.UTF8.GetBytes("/etc/passwd"), WheelEditor.SymbolicLink)));

        (await RefusedAsync(target, path, InstallationErrorKind.SymlinkEntry)).Entry.ShouldBe("evil/link");
    }

    [Fact]
    public async Task A_duplicate_entry_is_refused()
    {
        using var target = new InstallTarget();
        var path = WheelEditor.Write(Base.Build(), target.Wheels, entries =>
            entries.Add(entries.Single(e => e.Name == "evil/__init__.py") with { Content = Encoding.UTF8.GetBytes("X = 2\n") }));

        (await RefusedAsync(target, path, InstallationErrorKind.DuplicateEntry)).Entry.ShouldBe("evil/__init__.py");
    }

    [Fact]
    public async Task Two_entries_mapped_to_one_file_are_refused()
    {
        using var target = new InstallTarget();
        var wheel = Base.WithModule("evil-1.0.data/purelib/evil/__init__.py", "X = 2\n").Build();

        (await RefusedAsync(target, wheel.WriteTo(target.Wheels), InstallationErrorKind.DuplicateEntry)).Entry.ShouldBe("evil-1.0.data/purelib/evil/__init__.py");
    }

    [Fact]
    public async Task Content_that_differs_from_its_RECORD_hash_is_refused()
    {
        using var target = new InstallTarget();
        var path = WheelEditor.Write(Base.Build(), target.Wheels, entries =>
            entries.Replace("evil/__init__.py", e => e with { Content = Encoding.UTF8.GetBytes("X = 2\n") }));

        var error = await RefusedAsync(target, path, InstallationErrorKind.RecordMismatch);

        error.Entry.ShouldBe("evil/__init__.py");
        error.Message.ShouldContain("hash");
    }

    [Fact]
    public async Task Content_longer_than_its_RECORD_size_is_refused()
    {
        using var target = new InstallTarget();
        var path = WheelEditor.Write(Base.Build(), target.Wheels, entries =>
            entries.Replace("evil/__init__.py", e => e with { Content = Encoding.UTF8.GetBytes("X = 1\n# and more\n") }));

        (await RefusedAsync(target, path, InstallationErrorKind.RecordMismatch)).Message.ShouldContain("size");
    }

    [Fact]
    public async Task A_file_missing_from_RECORD_is_refused()
    {
        using var target = new InstallTarget();
        var path = WheelEditor.Write(Base.Build(), target.Wheels, entries =>
            entries.EditRecord(record => string.Concat(record.Split('\n').Where(l => !l.StartsWith("evil/__init__.py,", StringComparison.Ordinal)).Select(l => l + "\n")).TrimEnd('\n') + "\n"));

        (await RefusedAsync(target, path, InstallationErrorKind.FileNotInRecord)).Entry.ShouldBe("evil/__init__.py");
    }

    [Theory]
    [InlineData("evil/__init__.py,,6")]
    [InlineData("evil/__init__.py,md5=7p9zHzyLLnMBHpC_pT9VJQ,6")]
    public async Task A_RECORD_row_without_a_verifiable_hash_is_refused(string row)
    {
        using var target = new InstallTarget();
        var path = WheelEditor.Write(Base.Build(), target.Wheels, entries =>
            entries.EditRecord(record => string.Join('\n', record.Split('\n').Select(l => l.StartsWith("evil/__init__.py,", StringComparison.Ordinal) ? row : l))));

        (await RefusedAsync(target, path, InstallationErrorKind.UnverifiableRecordEntry)).Entry.ShouldBe("evil/__init__.py");
    }

    [Theory]
    [InlineData("evil/big.py", 10u, InstallationErrorKind.RecordMismatch)]
    [InlineData("evil-1.0.dist-info/METADATA", 10u, InstallationErrorKind.InvalidDistInfo)]
    [InlineData("evil-1.0.dist-info/METADATA", 100_000_000u, InstallationErrorKind.InvalidDistInfo)]
    [InlineData("evil-1.0.dist-info/RECORD", 20u, InstallationErrorKind.InvalidRecord)]
    public async Task An_entry_whose_declared_size_is_forged_is_refused(string entry, uint declaredSize, InstallationErrorKind kind)
    {
        using var target = new InstallTarget();
        var path = Base.WithModule("evil/big.py", new string('#', 100_000)).Build().WriteTo(target.Wheels);
        WheelEditor.ForgeDeclaredSize(path, entry, declaredSize);

        (await RefusedAsync(target, path, kind)).Message.ShouldContain(entry);
    }

    [Fact]
    public async Task A_wheel_that_differs_from_its_expected_sha256_is_refused()
    {
        using var target = new InstallTarget();
        var wheel = Base.Build();
        var other = Base.WithModule("evil/more.py", "").Build();

        var error = await RefusedAsync(target, wheel.WriteTo(target.Wheels), InstallationErrorKind.WheelHashMismatch, InstallTarget.Options with { ExpectedSha256 = other.Sha256 });

        error.Message.ShouldContain(wheel.Sha256);
        error.Message.ShouldContain(other.Sha256);
    }

    [Fact]
    public async Task A_wheel_version_2_is_refused()
    {
        using var target = new InstallTarget();
        var path = WheelEditor.Write(Base.Build(), target.Wheels, entries => WheelInstallerTests.ForgeWheelVersion(entries, "2.0"));

        await RefusedAsync(target, path, InstallationErrorKind.UnsupportedWheelVersion);
    }

    [Fact]
    public async Task A_wheel_without_RECORD_is_refused()
    {
        using var target = new InstallTarget();
        var path = WheelEditor.Write(Base.Build(), target.Wheels, entries => entries.RemoveAll(e => e.Name.EndsWith("/RECORD", StringComparison.Ordinal)));

        await RefusedAsync(target, path, InstallationErrorKind.InvalidRecord);
    }

    [Fact]
    public async Task A_dist_info_folder_of_another_project_is_refused()
    {
        using var target = new InstallTarget();
        var path = WheelEditor.Write(Base.Build(), target.Wheels, entries =>
        {
            for (var i = 0; i < entries.Count; i++)
            {
                entries[i] = entries[i] with { Name = entries[i].Name.Replace("evil-1.0.dist-info", "good-1.0.dist-info", StringComparison.Ordinal) };
            }
        });

        (await RefusedAsync(target, path, InstallationErrorKind.InvalidDistInfo)).Entry.ShouldBe("good-1.0.dist-info");
    }

    [Fact]
    public async Task Two_dist_info_folders_are_refused()
    {
        using var target = new InstallTarget();
        var wheel = Base.WithModule("other-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: other\nVersion: 1.0\n").Build();

        (await RefusedAsync(target, wheel.WriteTo(target.Wheels), InstallationErrorKind.InvalidDistInfo)).Message.ShouldContain("more than one");
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_refused()
    {
        using var target = new InstallTarget();
        var path = Path.Combine(target.Wheels, "evil-1.0-py3-none-any.whl");
        File.WriteAllText(path, "not a zip");

        await RefusedAsync(target, path, InstallationErrorKind.InvalidWheelFile);
    }

    [Fact]
    public async Task A_file_name_that_is_not_a_wheel_name_is_refused()
    {
        using var target = new InstallTarget();
        var path = Path.Combine(target.Wheels, "evil.zip");
        File.WriteAllBytes(path, Base.Build().Content);

        await RefusedAsync(target, path, InstallationErrorKind.InvalidWheelFile);
    }

    private static async Task<InstallationException> RefusedAsync(InstallTarget target, string path, InstallationErrorKind kind, WheelInstallOptions? options = null)
    {
        var error = await Should.ThrowAsync<InstallationException>(() => target.InstallAsync(path, options));
        error.Kind.ShouldBe(kind, error.Message);
        target.Contents().ShouldBeEmpty();
        return error;
    }
}
