using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>share/venv/dynlib links (docs/venvstacks-reference.md §3.6).</summary>
public sealed class DynlibLinkerTests : IDisposable
{
    private readonly BuildFolder _build = new();

    public void Dispose() => _build.Dispose();

    [Fact]
    public void Libraries_are_linked_relatively_and_extension_modules_are_not()
    {
        var plan = Plan(TargetPlatform.LinuxX64);
        var site = Site(plan);
        Touch(site, "pkg/libfoo.so", "pkg/_ext.cpython-311-x86_64-linux-gnu.so", "pkg/_cffi.abi3.so", "pkg/plain.so",
            "pkg.libs/libbar.so.1", "pkg.libs/libbaz.so.1.2.3", "pkg/module.py", "pkg/libqux.dylib", "pkg/_other.cpython-312-x86_64-linux-gnu.so");

        var links = DynlibLinker.Link(plan);

        var dynlib = Path.Combine(plan.Layer.EnvironmentPath, "share", "venv", "dynlib");
        links.Select(Path.GetFileName).ShouldBe(
            ["_other.cpython-312-x86_64-linux-gnu.so", "libbar.so.1", "libbaz.so.1.2.3", "libfoo.so", "libqux.dylib", "plain.so"]);
        new FileInfo(Path.Combine(dynlib, "libfoo.so")).LinkTarget.ShouldBe("../../../lib/python3.11/site-packages/pkg/libfoo.so");
        new FileInfo(Path.Combine(dynlib, "libbar.so.1")).LinkTarget.ShouldBe("../../../lib/python3.11/site-packages/pkg.libs/libbar.so.1");
        File.ReadAllText(Path.Combine(dynlib, "libbaz.so.1.2.3")).ShouldBe("pkg.libs/libbaz.so.1.2.3");
    }

    [Fact]
    public void MacOS_extension_modules_have_the_darwin_suffix()
    {
        var plan = Plan(TargetPlatform.MacOSArm64);
        Touch(Site(plan), "pkg/_ext.cpython-311-darwin.so", "pkg/libfoo.1.dylib", "pkg/_ext2.cpython-311-x86_64-linux-gnu.so");

        DynlibLinker.Link(plan).Select(Path.GetFileName).ShouldBe(["_ext2.cpython-311-x86_64-linux-gnu.so", "libfoo.1.dylib"]);
    }

    [Fact]
    public void Aarch64_extension_modules_use_their_multiarch_tuple()
    {
        var plan = Plan(TargetPlatform.LinuxAarch64);
        Touch(Site(plan), "pkg/_ext.cpython-311-aarch64-linux-gnu.so", "pkg/libfoo.so");

        DynlibLinker.Link(plan).Select(Path.GetFileName).ShouldBe(["libfoo.so"]);
    }

    [Fact]
    public void Excluded_libraries_are_not_linked()
    {
        var plan = Plan(TargetPlatform.LinuxX64) with { DynlibExclude = ["b/**/libdup.*", "libskip.so"] };
        Touch(Site(plan), "a/libdup.so", "b/inner/libdup.so", "c/libskip.so", "c/libkeep.so");

        var links = DynlibLinker.Link(plan);

        links.Select(Path.GetFileName).ShouldBe(["libdup.so", "libkeep.so"]);
        new FileInfo(links[0]).LinkTarget.ShouldEndWith("site-packages/a/libdup.so");
    }

    [Fact]
    public void Two_libraries_with_one_name_are_an_ambiguity_error_naming_every_candidate()
    {
        var location = new SourceLocation("venvstacks.toml", 12, 1, 12, 14);
        var plan = Plan(TargetPlatform.LinuxX64) with { SpecLocation = location };
        Touch(Site(plan), "a/libdup.so", "b/libdup.so", "c/libdup.so", "a/libz.so.1", "b/libz.so.1", "a/libok.so");

        var error = Should.Throw<LayerEnvironmentException>(() => DynlibLinker.Link(plan));

        error.Diagnostic.Code.ShouldBe("VSTK3040");
        error.Diagnostic.Location.ShouldBe(location);
        error.Message.ShouldBe(
            "Layer framework-x: Ambiguous dynamic library link targets:\n\n"
            + "  framework-x/share/venv/dynlib/libdup.so => ['framework-x/lib/python3.11/site-packages/a/libdup.so', "
            + "'framework-x/lib/python3.11/site-packages/b/libdup.so', 'framework-x/lib/python3.11/site-packages/c/libdup.so']?\n"
            + "  framework-x/share/venv/dynlib/libz.so.1 => ['framework-x/lib/python3.11/site-packages/a/libz.so.1', "
            + "'framework-x/lib/python3.11/site-packages/b/libz.so.1']?\n\n"
            + "Set `dynlib_exclude` in the layer definition to resolve this ambiguity.");
        Directory.Exists(Path.Combine(plan.Layer.EnvironmentPath, "share", "venv", "dynlib")).ShouldBeFalse();
    }

    [Fact]
    public void Stale_links_are_removed_and_current_ones_kept()
    {
        var plan = Plan(TargetPlatform.LinuxX64);
        var site = Site(plan);
        Touch(site, "a/libold.so", "a/libkept.so");
        DynlibLinker.Link(plan);
        File.Delete(Path.Combine(site, "a", "libold.so"));
        Touch(site, "a/libnew.so");

        var links = DynlibLinker.Link(plan);

        links.Select(Path.GetFileName).ShouldBe(["libkept.so", "libnew.so"]);
        Directory.GetFileSystemEntries(Path.Combine(plan.Layer.EnvironmentPath, "share", "venv", "dynlib"))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["libkept.so", "libnew.so"]);
    }

    [Fact]
    public void A_file_that_is_not_a_link_in_the_dynlib_folder_is_an_error_and_nothing_changes()
    {
        var plan = Plan(TargetPlatform.LinuxX64);
        Touch(Site(plan), "a/libfoo.so");
        var dynlib = Path.Combine(plan.Layer.EnvironmentPath, "share", "venv", "dynlib");
        Directory.CreateDirectory(dynlib);
        File.WriteAllText(Path.Combine(dynlib, "libfoo.so"), "a real file");
        File.CreateSymbolicLink(Path.Combine(dynlib, "libstale.so"), "nowhere");

        var error = Should.Throw<LayerEnvironmentException>(() => DynlibLinker.Link(plan));

        error.Diagnostic.Code.ShouldBe("VSTK3041");
        error.Diagnostic.Location!.File.ShouldBe(Path.Combine(dynlib, "libfoo.so"));
        File.ReadAllText(Path.Combine(dynlib, "libfoo.so")).ShouldBe("a real file");
        new FileInfo(Path.Combine(dynlib, "libstale.so")).LinkTarget.ShouldBe("nowhere");
    }

    [Fact]
    public void Windows_layers_have_no_dynlib_links()
    {
        var plan = Plan(TargetPlatform.WinAmd64);
        Touch(plan.Layout.SitePackages.Under(plan.Layer.EnvironmentPath), "a/libfoo.so", "a/foo.dll");

        DynlibLinker.Link(plan).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("libfoo.so", true)]
    [InlineData("libfoo.so.1", true)]
    [InlineData("libfoo.so.1.2.3", true)]
    [InlineData("libfoo.so.x", false)]
    [InlineData("libfoo.so.1.py", false)]
    [InlineData(".so", false)]
    [InlineData("libfoo.dylib", true)]
    [InlineData("_x.cpython-311-x86_64-linux-gnu.so", false)]
    [InlineData("_x.abi3.so", false)]
    [InlineData("odd.name.cpython-311-x86_64-linux-gnu.so", true)]
    public void Library_names(string name, bool isLibrary)
    {
        var suffixes = ExtensionModuleSuffixes.For(TargetPlatform.LinuxX64, BuildFolder.Python311);

        SharedLibraryScanner.IsLibraryName(name, suffixes).ShouldBe(isLibrary);
    }

    private LayerEnvironmentPlan Plan(TargetPlatform platform) =>
        BuildFolder.LayeredPlan(platform, LayerKind.Framework, _build.Location("framework-x"), _build.Location("cpython-3.11"))
            with { DynlibExclude = ImmutableArray<string>.Empty };

    private static string Site(LayerEnvironmentPlan plan) => plan.Layout.SitePackages.Under(plan.Layer.EnvironmentPath);

    private static void Touch(string root, params string[] files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file);
        }
    }
}
