namespace VenvStacks.Core.Tests.Specs;

/// <summary>What venvstacks gets wrong (raw TypeError/KeyError, first error only) and we report clearly.</summary>
public class SpecValidationTests
{
    private const string Runtime = """
        [[runtimes]]
        name = "cpython-3.11"
        python_implementation = "cpython@3.11.11"
        requirements = []

        """;

    [Fact]
    public void A_bad_requirement_points_at_its_line_and_character()
    {
        using var files = new SpecFiles();
        var result = files.Load("""
            [[runtimes]]
            name = "cpython-3.11"
            python_implementation = "cpython@3.11.11"
            requirements = [
                "numpy",
                "name<>",
            ]
            """);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1005");
        error.Message.ShouldContain("cpython-3.11 uses invalid requirement syntax");
        error.Location!.File.ShouldBe(files.SpecPath);
        error.Location.Line.ShouldBe(6);
        error.Location.Column.ShouldBeGreaterThan(5);
        result.Spec.ShouldBeNull();
    }

    [Fact]
    public void Independent_mistakes_are_all_reported_in_one_run()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime + """
            [[frameworks]]
            name = "a"
            runtime = "cpython-3.11"
            requirements = ["numpy>=>1"]

            [[frameworks]]
            name = "b"
            runtime = "cpython-3.11"
            requirements = []
            platforms = ["win32_x86_64"]
            """);

        result.Diagnostics.Select(d => (d.Code, d.Location!.Line)).ShouldBe([("VSTK1005", 8), ("VSTK1008", 14)]);
    }

    [Fact]
    public void Layers_that_depend_on_an_invalid_layer_do_not_add_follow_on_errors()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime + """
            [[frameworks]]
            name = "broken"
            runtime = "cpython-3.11"
            requirements = ["==="]

            [[frameworks]]
            name = "above"
            frameworks = ["broken"]
            requirements = []
            """);

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("VSTK1005");
    }

    [Fact]
    public void Unknown_keys_in_a_layer_are_errors_at_the_key()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime.Replace("requirements = []", "requirements = []\nlaunch_module = \"x.py\"", StringComparison.Ordinal));

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1002");
        error.Message.ShouldContain("Unknown key 'launch_module' in runtime 'cpython-3.11'");
        error.Location!.Line.ShouldBe(5);
        error.Location.Column.ShouldBe(1);
    }

    [Fact]
    public void Values_of_the_wrong_type_are_errors_at_the_value()
    {
        using var files = new SpecFiles();
        var result = files.Load("""
            [[runtimes]]
            name = "cpython-3.11"
            python_implementation = "cpython@3.11.11"
            requirements = "numpy"
            versioned = "yes"
            """);

        result.Diagnostics.Select(d => (d.Code, d.Location!.Line)).ShouldBe([("VSTK1003", 4), ("VSTK1003", 5)]);
        result.Diagnostics[0].Message.ShouldContain("'requirements' in runtime 'cpython-3.11' must be an array of strings, not a string");
    }

    [Fact]
    public void Missing_required_keys_are_errors_at_the_layer()
    {
        using var files = new SpecFiles();
        var result = files.Load("""
            [[runtimes]]
            name = "cpython-3.11"
            """);

        result.Diagnostics.Select(d => d.Message).ShouldBe([
            "runtime 'cpython-3.11' is missing 'python_implementation', which is required",
            "runtime 'cpython-3.11' is missing 'requirements', which is required",
        ]);
        result.Diagnostics.ShouldAllBe(d => d.Code == "VSTK1004" && d.Location!.Line == 1);
    }

    [Fact]
    public void Unknown_top_level_keys_are_ignored_with_a_warning()
    {
        using var files = new SpecFiles();
        var result = files.Load("[project]\nname = \"x\"\n\n" + Runtime);

        result.HasErrors.ShouldBeFalse();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Code.ShouldBe("VSTK1029");
        warning.IsError.ShouldBeFalse();
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("x:y")]
    [InlineData("..")]
    public void Layer_names_must_work_as_folder_names(string name)
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime.Replace("cpython-3.11", name, StringComparison.Ordinal));

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("VSTK1030");
    }

    [Fact]
    public void Duplicate_names_and_reserved_prefixes_are_rejected()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime + Runtime + Runtime.Replace("cpython-3.11", "app-x", StringComparison.Ordinal));

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK1006", "VSTK1007"]);
        result.Diagnostics[0].Message.ShouldBe("Runtime names must be distinct ('cpython-3.11' already defined)");
        result.Diagnostics[1].Message.ShouldBe("app-x starts with reserved prefix 'app'");
    }

    [Fact]
    public void A_layer_needs_exactly_one_of_runtime_and_frameworks()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime + """
            [[frameworks]]
            name = "a"
            runtime = "cpython-3.11"
            requirements = []

            [[frameworks]]
            name = "both"
            runtime = "cpython-3.11"
            frameworks = ["a"]
            requirements = []

            [[frameworks]]
            name = "neither"
            requirements = []

            [[frameworks]]
            name = "empty"
            frameworks = []
            requirements = []
            """);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK1013", "VSTK1013", "VSTK1013"]);
        result.Diagnostics[0].Message.ShouldBe("Framework 'both' must specify a runtime or framework dependencies, not both (runtime: 'cpython-3.11'; frameworks: ['a'])");
        result.Diagnostics[1].Message.ShouldBe("Framework 'neither' must specify a runtime or at least one framework dependency");
    }

    [Fact]
    public void Launch_and_support_module_problems_are_all_reported()
    {
        using var files = new SpecFiles();
        files.Touch("app.py");
        var result = files.Load(Runtime + """
            [[applications]]
            name = "one"
            runtime = "cpython-3.11"
            requirements = []
            launch_module = "missing.py"

            [[applications]]
            name = "two"
            runtime = "cpython-3.11"
            requirements = []
            launch_module = "app.py"
            support_modules = ["b/helper.py", "a/helper"]
            """);

        result.Diagnostics.Select(d => (d.Code, d.Location!.Line)).ShouldBe([
            ("VSTK1023", 16), ("VSTK1024", 9), ("VSTK1025", 16), ("VSTK1025", 16),
        ]);
        result.Diagnostics[1].Message.ShouldBe($"Specified launch module '{Path.Combine(files.Directory, "missing.py")}' does not exist");
    }

    [Fact]
    public void Support_modules_are_sorted_by_declared_path_and_named_by_stem()
    {
        using var files = new SpecFiles();
        files.Touch("app.py");
        files.Touch("z_support.py");
        files.Touch(Path.Combine("pkg", "inner", "__init__.py"));
        var result = files.Load(Runtime + """
            [[applications]]
            name = "app"
            runtime = "cpython-3.11"
            requirements = []
            launch_module = "app.py"
            support_modules = ["z_support.py", "pkg/inner/"]
            """);

        result.HasErrors.ShouldBeFalse(string.Join("\n", result.Diagnostics));
        var app = result.Spec!.Applications.Single();
        app.LaunchModule.ModuleName.ShouldBe("app");
        app.SupportModules.Select(m => m.ModuleName).ShouldBe(["inner", "z_support"]);
        app.SupportModules[0].FullPath.ShouldBe(Path.Combine(files.Directory, "pkg", "inner"));
    }
}
