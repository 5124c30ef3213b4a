using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Tests.Specs;

/// <summary><c>[tool.uv]</c>, <c>venvstacks.uv.toml</c> and per-layer package index routing (§1.6, §1.7).</summary>
public class ToolConfigTests
{
    private const string Runtime = """
        [[runtimes]]
        name = "rt"
        python_implementation = "cpython@3.11.11"
        requirements = []

        """;

    private const string Indexes = """

        [[tool.uv.index]]
        name = "cpu"
        url = "https://example.invalid/cpu"
        explicit = true

        [[tool.uv.index]]
        name = "gpu"
        url = "https://example.invalid/gpu"
        explicit = true

        [[tool.uv.index]]
        url = "https://mirror.invalid/simple"

        """;

    [Fact]
    public void Indexes_are_typed_and_split_into_named_and_common()
    {
        using var files = new SpecFiles();
        var tool = files.Load(Runtime + Indexes).Spec!.ToolConfig;

        tool.SourcePath.ShouldBe(files.SpecPath);
        tool.Indexes.Select(i => i.Name).ShouldBe(["cpu", "gpu", null]);
        tool.NamedIndexes.Keys.Order().ShouldBe(["cpu", "gpu"]);
        tool.CommonIndexes.Select(i => i.Url).ShouldBe(["https://mirror.invalid/simple"]);
    }

    [Fact]
    public void The_fallback_file_is_used_only_without_an_inline_table()
    {
        using var files = new SpecFiles();
        files.Touch("venvstacks.uv.toml", "exclude-newer = \"2025-08-27\"\nresolution = \"lowest\"\n");

        var fromFile = files.Load(Runtime).Spec!.ToolConfig;
        fromFile.SourcePath.ShouldBe(Path.Combine(files.Directory, "venvstacks.uv.toml"));
        fromFile.ExcludeNewer!.Cutoff.ShouldBe(new DateTimeOffset(2025, 8, 27, 0, 0, 0, TimeSpan.Zero));
        fromFile.OtherSettings["resolution"].ShouldBe("lowest");

        var inline = files.Load(Runtime + "[tool.uv]\nno-binary = false\n").Spec!.ToolConfig;
        inline.ExcludeNewer.ShouldBeNull();
        inline.SourcePath.ShouldBe(files.SpecPath);
    }

    [Fact]
    public void Errors_in_the_fallback_file_point_into_that_file()
    {
        using var files = new SpecFiles();
        var fallback = files.Touch("venvstacks.uv.toml", "\n[[index]]\nname = \"x\"\n");

        var error = files.Load(Runtime).Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1004");
        error.Location!.File.ShouldBe(fallback);
        error.Location.Line.ShouldBe(2);
    }

    [Theory]
    [InlineData("2025-08-27 00:00:00+00:00", "2025-08-27T00:00:00+00:00")]
    [InlineData("2025-08-27T02:00:00+02:00", "2025-08-27T00:00:00+00:00")]
    [InlineData("2025-08-27T00:00:00Z", "2025-08-27T00:00:00+00:00")]
    [InlineData("2025-08-27T00:00:00", "2025-08-27T00:00:00+00:00")]
    public void Exclude_newer_accepts_timestamps_and_is_normalised_to_utc(string text, string expected)
    {
        using var files = new SpecFiles();
        var tool = files.Load(Runtime + $"[tool.uv]\nexclude-newer = \"{text}\"\n").Spec!.ToolConfig;

        tool.ExcludeNewer!.Cutoff.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        tool.ExcludeNewer.FromEnvironment.ShouldBeFalse();
    }

    [Fact]
    public void Exclude_newer_may_be_a_toml_datetime_and_the_environment_wins()
    {
        using var files = new SpecFiles();
        var spec = Runtime + "[tool.uv]\nexclude-newer = 2025-01-01T00:00:00Z\n";

        files.Load(spec).Spec!.ToolConfig.ExcludeNewer!.Cutoff.Year.ShouldBe(2025);
        var options = new StackSpecLoadOptions(System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("UV_EXCLUDE_NEWER", "2024-06-01"));
        var overridden = files.Load(spec, options).Spec!.ToolConfig.ExcludeNewer!;
        overridden.Cutoff.ShouldBe(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        overridden.FromEnvironment.ShouldBeTrue();
    }

    [Fact]
    public void Relative_exclude_newer_values_are_rejected_clearly()
    {
        using var files = new SpecFiles();
        var error = files.Load(Runtime + "[tool.uv]\nexclude-newer = \"7 days\"\n").Diagnostics.ShouldHaveSingleItem();

        error.Code.ShouldBe("VSTK1028");
        error.Location!.Line.ShouldBe(6);
    }

    [Fact]
    public void A_repeated_index_name_is_an_error_at_the_second_name_and_not_a_crash()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime + Indexes + """
            [[tool.uv.index]]
            name = "cpu"
            url = "https://example.invalid/other-cpu"
            """);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK1028");
        error.Message.ShouldBe("Package index names must be distinct ('cpu' already defined)");
        error.Location!.Line.ShouldBe(19);
    }

    [Fact]
    public void Common_sources_must_name_known_indexes_once()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime + Indexes + """
            [tool.uv.sources]
            Torch = { index = "gpu" }
            torch = { index = "cpu" }
            numpy = { git = "https://example.invalid/numpy" }
            scipy = { index = "nope" }
            """);

        result.Diagnostics.Select(d => d.Code).ShouldBe(["VSTK1019", "VSTK1028", "VSTK1018"]);
        result.Diagnostics[0].Message.ShouldBe("Common uv source config specifies multiple sources for torch after name normalization (torch is the second entry)");
    }

    [Fact]
    public void Package_indexes_are_inherited_and_overrides_must_be_declared()
    {
        using var files = new SpecFiles();
        files.Touch("main.py");
        var result = files.Load(Runtime + """
            [[frameworks]]
            name = "cpu"
            runtime = "rt"
            requirements = []
            package_indexes = { Torch = "cpu" }

            [[frameworks]]
            name = "above"
            frameworks = ["cpu"]
            requirements = []

            [[applications]]
            name = "gpu-app"
            frameworks = ["above"]
            requirements = []
            launch_module = "main.py"
            package_indexes = { torch = "gpu" }
            index_overrides = { cpu = "gpu" }
            priority_indexes = ["gpu"]
            """ + Indexes);

        var spec = result.Spec.ShouldNotBeNull(string.Join("\n", result.Diagnostics));
        spec.GetLayer("framework-cpu").PackageIndexes["torch"].ShouldBe("cpu");
        spec.GetLayer("framework-above").PackageIndexes["torch"].ShouldBe("cpu");
        spec.GetLayer("app-gpu-app").PackageIndexes["torch"].ShouldBe("gpu");
        spec.GetLayer("app-gpu-app").PriorityIndexes.ShouldBe(["gpu"]);
        spec.GetLayer("framework-above").PriorityIndexes.ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_index_references_are_reported_where_they_are_written()
    {
        using var files = new SpecFiles();
        var result = files.Load(Runtime.Replace("requirements = []", "requirements = []\npackage_indexes = { torch = \"nope\" }\npriority_indexes = [\"gone\"]", StringComparison.Ordinal) + Indexes);

        result.Diagnostics.Select(d => (d.Code, d.Location!.Line)).ShouldBe([("VSTK1018", 5), ("VSTK1018", 6)]);
        result.Diagnostics[0].Message.ShouldBe("rt references an unknown package index 'nope' for 'torch'");
        result.Diagnostics[1].Message.ShouldBe("rt priority index list references an unknown package index (gone)");
    }
}
