using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Pep751;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Tests.Locking;

/// <summary>
/// The consistency rule between a layer's lock and its lower layers' current locks (issue 12, item 11), per target
/// platform: shared entries must match a current pin, installed entries must not contradict one.
/// </summary>
public sealed class LowerLayerConsistencyTests : IDisposable
{
    private readonly SpecFiles _files = new();
    private readonly LayerSpec _framework;

    public LowerLayerConsistencyTests()
    {
        var load = _files.Load("""
            [[runtimes]]
            name = "cpython-3.11"
            python_implementation = "cpython@3.11.11"
            requirements = []

            [[frameworks]]
            name = "fish"
            runtime = "cpython-3.11"
            requirements = []
            """);
        _framework = load.Spec.ShouldNotBeNull().GetLayer("framework-fish");
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_lock_that_shares_exactly_what_the_lower_layer_pins_is_consistent()
    {
        var check = Check([Shared("quillon", "1.1.0"), Installed("lanternfish", "0.3")], [Pin("quillon", "1.1.0")]);

        check.ShouldBeEmpty();
    }

    [Fact]
    public void A_shared_entry_at_another_version_than_the_pin_is_a_mismatch_naming_both()
    {
        var mismatch = Check([Shared("quillon", "1.1.0"), Installed("lanternfish", "0.3")], [Pin("quillon", "1.2.0")]).ShouldHaveSingleItem();

        mismatch.Package.ShouldBe("quillon");
        mismatch.LockedVersion.ShouldBe(Version.Parse("1.1.0"));
        mismatch.LowerVersion.ShouldBe(Version.Parse("1.2.0"));
        mismatch.LowerLayer.ShouldBe("cpython-3.11");
        mismatch.Platforms.Length.ShouldBe(6);
        mismatch.Describe(6).ShouldBe("quillon 1.1.0 from the lower layer, but cpython-3.11 now pins quillon 1.2.0");
    }

    [Fact]
    public void A_shared_entry_no_lower_layer_pins_any_more_is_a_mismatch()
    {
        var mismatch = Check([Shared("quillon", "1.1.0")], []).ShouldHaveSingleItem();

        mismatch.LowerLayer.ShouldBeNull();
        mismatch.Describe(6).ShouldBe("quillon 1.1.0 from the lower layer, but no lower layer installs quillon now");
    }

    [Fact]
    public void An_installed_entry_a_lower_layer_now_pins_differently_is_a_mismatch()
    {
        var mismatch = Check([Installed("quillon", "1.1.0")], [Pin("quillon", "1.2.0")]).ShouldHaveSingleItem();

        mismatch.LockedAsShared.ShouldBeFalse();
        mismatch.Describe(6).ShouldBe("quillon 1.1.0 installed by this layer, but cpython-3.11 now pins quillon 1.2.0");
    }

    [Fact]
    public void Installed_entries_at_the_pinned_version_or_unpinned_are_consistent()
    {
        // venvstacks decides "shared" per entry, so its locks may install again what a lower layer pins at the same version.
        Check([Installed("quillon", "1.2.0"), Installed("lanternfish", "0.4")], [Pin("quillon", "1.2.0")]).ShouldBeEmpty();
    }

    [Fact]
    public void Markers_limit_the_check_to_the_platforms_where_both_entries_apply()
    {
        var windows = "sys_platform == 'win32'";
        var mismatch = Check(
            [Shared("winhelper", "1.1", windows), Installed("winhelper", "2.0", "sys_platform == 'linux'")],
            [Pin("winhelper", "1.0", windows)]).ShouldHaveSingleItem();

        mismatch.Platforms.ShouldBe(["win_amd64", "win_arm64"], ignoreOrder: true);
        mismatch.Describe(6).ShouldEndWith("cpython-3.11 now pins winhelper 1.0 (on win_amd64, win_arm64)");
    }

    private System.Collections.Immutable.ImmutableArray<LowerLayerMismatch> Check(IReadOnlyList<PyLockPackage> locked, IReadOnlyList<PyLockPackage> runtime) =>
        LowerLayerConsistency.Check(
            _framework,
            [.. locked.Select(LockedPackage.From)],
            LowerLayerConstraints.FromLocks([("cpython-3.11", new PyLock { CreatedBy = "test", Packages = [.. runtime] })]));

    private static PyLockPackage Installed(string name, string version, string? marker = null) =>
        new() { Name = name, Version = version, Marker = marker, Index = "https://example.invalid/simple" };

    private static PyLockPackage Shared(string name, string version, string? marker = null)
    {
        var shared = new LockedPackage(name, Version.Parse(version), marker ?? string.Empty, true, null, []);
        return new PyLockPackage { Name = name, Version = version, Marker = shared.SharedMarker };
    }

    private static PyLockPackage Pin(string name, string version, string? marker = null) => Installed(name, version, marker);
}
