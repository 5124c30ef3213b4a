using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Specs;
using VenvStacks.TestSupport.FileSystem;

namespace VenvStacks.Core.Tests.Specs;

/// <summary>
/// What a launch or support module may be (issue 12, items 6 and 9; docs/msbuild.md "Launch and support modules"): a
/// <c>.py</c> file (any regular file for support modules) or a package folder of bounded size, apart from the spec's
/// folder and its lock files, with no symbolic link that leads nowhere. Everything else is a coded error at the
/// module's line in the spec, found when the spec is read, before anything hashes or copies the module.
/// </summary>
public sealed class ModuleSourceRulesTests : IDisposable
{
    private readonly SpecFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_py_file_and_a_package_folder_are_valid_launch_modules()
    {
        _files.Touch("tool.py", "print('tool')\n");
        _files.Touch(Path.Combine("pkg", "__main__.py"), "print('pkg')\n");

        Load("tool.py").HasErrors.ShouldBeFalse();
        Load("pkg").HasErrors.ShouldBeFalse();
        Load("pkg/", support: "tool.py").HasErrors.ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("./")]
    [InlineData("..")]
    [InlineData("requirements")]
    [InlineData("requirements/app-tool")]
    public void A_module_that_is_or_holds_the_spec_folder_or_lies_in_its_lock_folder_is_VSTK1051(string launchModule)
    {
        _files.Touch(Path.Combine("requirements", "app-tool", "x.py"));

        var error = SingleModuleError(Load(launchModule));

        error.Code.ShouldBe("VSTK1051");
        error.Location!.Line.ShouldBe(LaunchLine);
    }

    [Fact]
    public void The_file_system_root_as_launch_module_is_VSTK1051()
    {
        var root = Path.GetPathRoot(_files.Directory)!;

        var error = SingleModuleError(Load(root.Replace('\\', '/')));

        error.Code.ShouldBe("VSTK1051");
        error.Message.ShouldContain(_files.Directory);
    }

    [UnixFact]
    public void A_link_to_the_spec_folder_is_VSTK1051_too()
    {
        SpecialFiles.MakeLink(Path.Combine(_files.Directory, "here"), _files.Directory);

        SingleModuleError(Load("here")).Code.ShouldBe("VSTK1051");
    }

    [Fact]
    public void A_support_module_in_the_lock_folder_is_VSTK1051()
    {
        _files.Touch("tool.py");
        _files.Touch(Path.Combine("requirements", "helper.py"));

        var error = SingleModuleError(Load("tool.py", support: "requirements/helper.py"));

        error.Code.ShouldBe("VSTK1051");
        error.Location!.Line.ShouldBe(LaunchLine + 1);
    }

    [UnixFact]
    public void A_dangling_link_inside_a_launch_package_is_VSTK1052_naming_the_link()
    {
        _files.Touch(Path.Combine("pkg", "__main__.py"));
        SpecialFiles.MakeLink(Path.Combine(_files.Directory, "pkg", "broken"), "does-not-exist");

        var error = SingleModuleError(Load("pkg"));

        error.Code.ShouldBe("VSTK1052");
        error.Location!.Line.ShouldBe(LaunchLine);
        error.Message.ShouldContain(Path.Combine("pkg", "broken"));
        error.Message.ShouldContain("does-not-exist");
    }

    [UnixFact]
    public void A_link_to_itself_inside_a_launch_package_is_VSTK1052()
    {
        _files.Touch(Path.Combine("pkg", "__main__.py"));
        SpecialFiles.MakeLink(Path.Combine(_files.Directory, "pkg", "sub", "loop"), "loop");

        var error = SingleModuleError(Load("pkg"));

        error.Code.ShouldBe("VSTK1052");
        error.Message.ShouldContain("loop");
    }

    [UnixFact]
    public void A_launch_module_that_is_itself_a_dangling_link_is_VSTK1052()
    {
        SpecialFiles.MakeLink(Path.Combine(_files.Directory, "tool.py"), "gone.py");

        SingleModuleError(Load("tool.py")).Code.ShouldBe("VSTK1052");
    }

    [UnixFact]
    public void A_named_pipe_as_the_launch_module_is_VSTK1050()
    {
        SpecialFiles.MakeFifo(Path.Combine(_files.Directory, "tool.py"));

        var error = SingleModuleError(Load("tool.py"));

        error.Code.ShouldBe("VSTK1050");
        error.Location!.Line.ShouldBe(LaunchLine);
    }

    [UnixFact]
    public void A_device_as_a_support_module_is_VSTK1050()
    {
        _files.Touch("tool.py");

        var error = SingleModuleError(Load("tool.py", support: "/dev/null"));

        error.Code.ShouldBe("VSTK1050");
        error.Location!.Line.ShouldBe(LaunchLine + 1);
    }

    [Fact]
    public void A_launch_file_without_the_py_suffix_is_VSTK1050()
    {
        _files.Touch("tool.txt", "print('tool')\n");

        SingleModuleError(Load("tool.txt")).Code.ShouldBe("VSTK1050");
    }

    [UnixFact]
    public void A_named_pipe_inside_a_package_is_not_an_error()
    {
        _files.Touch(Path.Combine("pkg", "__main__.py"));
        SpecialFiles.MakeFifo(Path.Combine(_files.Directory, "pkg", "fifo"));

        var result = Load("pkg");

        result.HasErrors.ShouldBeFalse(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void A_package_with_more_files_than_the_limit_is_VSTK1053()
    {
        var package = Path.Combine(_files.Directory, "big");
        for (var folder = 0; folder < 101; folder++)
        {
            var path = Path.Combine(package, folder.ToString("000", System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(path);
            for (var file = 0; file < 100; file++)
            {
                File.WriteAllBytes(Path.Combine(path, file.ToString("000", System.Globalization.CultureInfo.InvariantCulture) + ".py"), []);
            }
        }

        var error = SingleModuleError(Load("big"));

        error.Code.ShouldBe("VSTK1053");
        error.Location!.Line.ShouldBe(LaunchLine);
        error.Message.ShouldContain("10000");
    }

    [UnixFact]
    public void A_system_folder_as_launch_module_is_a_module_error_not_a_crash()
    {
        // /usr holds tens of thousands of files (and on some systems dangling links): far beyond an application's
        // own sources.
        Directory.Exists("/usr").ShouldBeTrue();

        var error = SingleModuleError(Load("/usr"));

        error.Code.ShouldBeOneOf("VSTK1052", "VSTK1053");
        error.Location!.Line.ShouldBe(LaunchLine);
    }

    private const int LaunchLine = ModuleSpecs.LaunchModuleLine;

    private static Diagnostic SingleModuleError(StackSpecLoadResult result)
    {
        result.Spec.ShouldBeNull();
        return result.Diagnostics.ShouldHaveSingleItem();
    }

    private StackSpecLoadResult Load(string launchModule, string? support = null) => _files.Load(ModuleSpecs.VersionedApplication(launchModule, support));
}
