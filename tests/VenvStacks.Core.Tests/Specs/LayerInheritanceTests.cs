namespace VenvStacks.Core.Tests.Specs;

/// <summary>Runtime inference, C3 linearisation and platform inference (docs/venvstacks-reference.md §1.7).</summary>
public class LayerInheritanceTests
{
    private const string Runtime = """
        [[runtimes]]
        name = "rt"
        python_implementation = "cpython@3.11.11"
        requirements = []

        """;

    private static string Framework(string name, string dependencies, string extra = "") => $"""
        [[frameworks]]
        name = "{name}"
        {dependencies}
        requirements = []
        {extra}

        """;

    [Fact]
    public void A_diamond_linearizes_like_python_mro()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime
            + Framework("A", "runtime = \"rt\"")
            + Framework("B", "frameworks = [\"A\"]")
            + Framework("C", "frameworks = [\"A\"]")
            + Framework("D", "frameworks = [\"B\", \"C\"]")
            + Framework("E", "frameworks = [\"B\"]")
            + Framework("F", "frameworks = [\"E\"]")
            + Framework("G", "frameworks = [\"D\", \"F\"]"));

        var spec = result.Spec.ShouldNotBeNull(string.Join("\n", result.Diagnostics));
        spec.GetLayer("framework-D").Frameworks.Select(f => f.Name).ShouldBe(["B", "C", "A"]);
        spec.GetLayer("framework-G").Frameworks.Select(f => f.Name).ShouldBe(["D", "F", "E", "B", "C", "A"]);
        spec.GetLayer("framework-G").Runtime.Name.ShouldBe("rt");
        spec.GetLayer("framework-G").Dependencies.Select(d => d.BuildName)
            .ShouldBe(["framework-D", "framework-F", "framework-E", "framework-B", "framework-C", "framework-A", "rt"]);
    }

    [Fact]
    public void Contradictory_orders_fail_with_the_remaining_sequences()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime
            + Framework("A", "runtime = \"rt\"")
            + Framework("B", "runtime = \"rt\"")
            + Framework("C", "frameworks = [\"A\", \"B\"]")
            + Framework("D", "frameworks = [\"B\", \"A\"]")
            + Framework("E", "frameworks = [\"C\", \"D\"]"));

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1017");
        error.Message.ShouldBe("Framework 'E' dependency linearization failed (remaining sequences: [['A', 'B'], ['B', 'A']])");
    }

    [Fact]
    public void Frameworks_on_different_runtimes_cannot_be_combined()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime + Runtime.Replace("\"rt\"", "\"rt2\"", StringComparison.Ordinal)
            + Framework("A", "runtime = \"rt\"")
            + Framework("B", "runtime = \"rt2\"")
            + Framework("C", "frameworks = [\"A\", \"B\"]"));

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "Framework 'C' references inconsistent frameworks. 'A' requires runtime 'rt', while 'B' requires runtime 'rt2'.");
    }

    [Fact]
    public void Forward_references_and_cycles_are_unknown_frameworks()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime
            + Framework("A", "frameworks = [\"B\"]")
            + Framework("B", "frameworks = [\"B\"]"));

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK1015", "VSTK1015"]);
    }

    [Fact]
    public void Runtime_platforms_default_to_all_six_in_venvstacks_order()
    {
        using var files = new SpecFiles();
        var spec = files.Load(Runtime).Spec!;

        spec.GetLayer("rt").Platforms.Select(p => p.Name).ShouldBe(
            ["linux_x86_64", "linux_aarch64", "macosx_arm64", "macosx_x86_64", "win_amd64", "win_arm64"]);
    }

    [Fact]
    public void Layered_platforms_are_the_sorted_intersection_of_lower_layers()
    {
        using var files = new SpecFiles();
        var spec = files.Load(Runtime
            + Framework("A", "runtime = \"rt\"", "platforms = [\"win_amd64\", \"linux_x86_64\", \"macosx_arm64\"]")
            + Framework("B", "runtime = \"rt\"", "platforms = [\"macosx_arm64\", \"win_amd64\"]")
            + Framework("C", "frameworks = [\"A\", \"B\"]")).Spec!;

        spec.GetLayer("framework-A").Platforms.Select(p => p.Name).ShouldBe(["win_amd64", "linux_x86_64", "macosx_arm64"]);
        spec.GetLayer("framework-C").Platforms.Select(p => p.Name).ShouldBe(["macosx_arm64", "win_amd64"]);
    }

    [Fact]
    public void Explicit_platforms_must_be_supported_by_lower_layers()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime.Replace("requirements = []", "requirements = []\nplatforms = [\"linux_x86_64\"]", StringComparison.Ordinal)
            + Framework("A", "runtime = \"rt\"", "platforms = [\"win_amd64\", \"linux_x86_64\"]"));

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1009");
        error.Message.ShouldBe("A specifies target platforms not supported by lower layers (['win_amd64'])");
    }

    [Fact]
    public void An_empty_platform_list_disables_a_layer_and_the_layers_above_it()
    {
        using var files = new SpecFiles();
        var spec = files.Load(Runtime
            + Framework("off", "runtime = \"rt\"", "platforms = []")
            + Framework("above", "frameworks = [\"off\"]")).Spec!;

        spec.Layers.Select(l => l.BuildName).ShouldBe(["rt"]);
        spec.DisabledLayers.Select(l => l.BuildName).ShouldBe(["framework-off", "framework-above"]);
    }

    [Fact]
    public void Build_names_install_targets_and_lock_file_stems_follow_venvstacks()
    {
        using var files = new SpecFiles();
        files.Touch("main.py");
        var spec = files.Load(Runtime.Replace("\"rt\"", "\"cpython-3.11\"", StringComparison.Ordinal).Replace("requirements = []", "requirements = []\nversioned = true", StringComparison.Ordinal) + """
            [[applications]]
            name = "my.app"
            runtime = "cpython-3.11"
            requirements = []
            launch_module = "main.py"
            """).Spec!;

        var runtime = spec.GetLayer("cpython-3.11");
        runtime.InstallTarget(null).ShouldBe("cpython-3.11@???");
        runtime.InstallTarget(4).ShouldBe("cpython-3.11@4");
        runtime.LockFileStem.ShouldBe("cpython-3_11");
        var app = spec.GetLayer("app-my.app");
        app.InstallTarget(7).ShouldBe("app-my.app");
        app.LockFileStem.ShouldBe("app-my_app");
    }
}
