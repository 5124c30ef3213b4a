using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Tests.Pep508;

public sealed class MarkerTests
{
    private static readonly MarkerEnvironment Linux = TestEnvironments.LinuxCPython311;

    [Theory]
    [InlineData("python_version >= '3.8'", true)]
    [InlineData("python_version < \"3.11\"", false)]
    [InlineData("python_full_version == '3.11.*'", true)]
    [InlineData("'3.10' <= python_version", true)]
    [InlineData("sys_platform == 'win32' or os_name == 'posix' and platform_machine == 'x86_64'", true)]
    [InlineData("(sys_platform == 'win32' or os_name == 'posix') and platform_machine == 'aarch64'", false)]
    [InlineData("'linux' in sys_platform", true)]
    [InlineData("'64' not in platform_machine", false)]
    [InlineData("platform_release >= '6'", false)]
    [InlineData("platform_release == '6.5.0-1025-azure'", true)]
    [InlineData("os.name == 'posix' and python_implementation == 'CPython'", true)]
    public void Evaluates_against_an_explicit_environment(string marker, bool expected)
    {
        Marker.Parse(marker).Evaluate(Linux).ShouldBe(expected);
    }

    [Fact]
    public void Compares_strings_that_are_not_versions_only_for_equality()
    {
        Marker.Parse("platform_machine < 'zzz'").Evaluate(Linux).ShouldBeFalse();
        Marker.Parse("platform_machine >= 'x86_64'").Evaluate(Linux).ShouldBeTrue();
        Should.Throw<UndefinedComparisonException>(() => Marker.Parse("platform_machine ~= 'x86_64'").Evaluate(Linux));
    }

    [Fact]
    public void Prints_double_quoted_with_canonical_names_and_only_the_needed_parentheses()
    {
        var marker = Marker.Parse("os.name=='nt' and ((python_version<'3.11')) or (extra == 'Test_Extra' and sys_platform=='linux')");

        marker.ToString().ShouldBe("os_name == \"nt\" and python_version < \"3.11\" or (extra == \"test-extra\" and sys_platform == \"linux\")");
        marker.ToSingleQuotedString().ShouldBe("os_name == 'nt' and python_version < '3.11' or (extra == 'test-extra' and sys_platform == 'linux')");
    }

    [Fact]
    public void Keeps_the_other_quote_when_a_value_contains_the_preferred_one()
    {
        Marker.Parse("platform_version == \"it's\"").ToString().ShouldBe("platform_version == \"it's\"");
        Marker.Parse("platform_version == \"it's\"").ToSingleQuotedString().ShouldBe("platform_version == \"it's\"");
        Marker.Parse("platform_version == 'say \"hi\"'").ToString().ShouldBe("platform_version == 'say \"hi\"'");
    }

    [Fact]
    public void A_value_with_both_quote_characters_cannot_be_printed_but_still_compares()
    {
        var marker = Marker.Parse("platform_version == '\\x27\"'");

        Should.Throw<PackagingFormatException>(() => marker.ToString());
        marker.ShouldBe(Marker.Parse("platform_version == \"\\x27\\x22\""));
        marker.ShouldNotBe(Marker.Parse("platform_version == \"\\x22\\x27\""));
        marker.Evaluate(Linux).ShouldBeFalse();
    }

    [Fact]
    public void Combines_markers_with_and_and_or()
    {
        var windows = Marker.Parse("sys_platform == 'win32'");
        var oldPython = Marker.Parse("python_version < '3.10' or implementation_name == 'pypy'");

        (windows & oldPython).ToString().ShouldBe("sys_platform == \"win32\" and (python_version < \"3.10\" or implementation_name == \"pypy\")");
        (windows | oldPython).ToSingleQuotedString().ShouldBe("sys_platform == 'win32' or (python_version < '3.10' or implementation_name == 'pypy')");
        (windows | oldPython).Evaluate(Linux).ShouldBeFalse();
    }

    [Fact]
    public void Evaluates_every_comparison_so_errors_surface_even_when_the_result_is_known()
    {
        var marker = Marker.Parse("os_name == 'posix' or platform_machine ~= 'x'");

        Should.Throw<UndefinedComparisonException>(() => marker.Evaluate(Linux));
    }

    [Fact]
    public void Extra_is_empty_in_metadata_context_and_compared_normalized()
    {
        var marker = Marker.Parse("extra == 'Dev_Tools'");

        marker.ToString().ShouldBe("extra == \"dev-tools\"");
        marker.Evaluate(Linux).ShouldBeFalse();
        marker.Evaluate(Linux.WithExtra("dev.tools")).ShouldBeTrue();
        Should.Throw<UndefinedEnvironmentNameException>(() => marker.Evaluate(Linux, MarkerEvaluationContext.Requirement)).Name.ShouldBe("extra");
    }

    [Fact]
    public void Lock_file_context_uses_the_extras_and_dependency_groups_sets()
    {
        var marker = Marker.Parse("'Security' in extras and 'docs' not in dependency_groups");
        var environment = Linux.WithExtras(["security"]).WithDependencyGroups(["dev"]);

        marker.Evaluate(environment, MarkerEvaluationContext.LockFile).ShouldBeTrue();
        marker.Evaluate(Linux, MarkerEvaluationContext.LockFile).ShouldBeFalse();
        Should.Throw<UndefinedEnvironmentNameException>(() => marker.Evaluate(Linux, MarkerEvaluationContext.Metadata));
        Should.Throw<UndefinedComparisonException>(() => Marker.Parse("extras == 'security'").Evaluate(environment, MarkerEvaluationContext.LockFile));
    }

    [Fact]
    public void A_missing_variable_raises_undefined_environment_name()
    {
        var environment = new MarkerEnvironment(new Dictionary<string, string> { ["os_name"] = "nt" });

        Should.Throw<UndefinedEnvironmentNameException>(() => Marker.Parse("os_name == 'nt' and python_version >= '3'").Evaluate(environment))
            .Name.ShouldBe("python_version");
    }

    [Theory]
    [InlineData("python_version", "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in", 14)]
    [InlineData("python_version >= 3.8", "Expected a marker variable or quoted string", 18)]
    [InlineData("os_name == 'nt' && extra == 'x'", "Expected end of marker expression", 16)]
    [InlineData("(os_name == 'nt'", "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression", 0)]
    [InlineData("os_name == '\\x'", "Invalid quoted string", 11)]
    [InlineData("os_name not'nt'", "Expected whitespace after 'not'", 11)]
    public void Rejects_invalid_markers_with_packaging_messages_and_positions(string text, string message, int position)
    {
        var error = Should.Throw<PackagingFormatException>(() => Marker.Parse(text));

        error.Message.ShouldBe(message);
        error.Position.ShouldBe(position);
        Marker.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Decodes_python_escapes_in_quoted_values()
    {
        Marker.Parse("os_name == '\\x70osix'").Evaluate(Linux).ShouldBeTrue();
        Marker.Parse("os_name == '\\160osix'").Evaluate(Linux).ShouldBeTrue();
        Marker.Parse("os_name == 'po\\\nsix'").Evaluate(Linux).ShouldBeTrue();
        Marker.Parse("platform_version == '\\d'").ToString().ShouldBe("platform_version == \"\\d\"");
    }
}
