using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Tests.Wheels;

public sealed class EntryPointsTests
{
    [Fact]
    public void Sections_become_groups_and_scripts_parse_into_module_attribute_and_extras()
    {
        var entryPoints = EntryPoints.Parse(
            "# comment\n[console_scripts]\npip = pip._internal.cli.main:main\nfancy=pkg.cli : app.run [color, rich]\n\n" +
            "; other comment\n[gui_scripts]\nviewer = pkg.gui:start\n\n[pkg.plugins]\nbare = pkg.module\nOdd Name = anything goes here\n");

        entryPoints.Groups.ShouldBe(["console_scripts", "gui_scripts", "pkg.plugins"]);
        entryPoints.ConsoleScripts.Select(e => e.Name).ShouldBe(["pip", "fancy"]);
        entryPoints.ConsoleScripts[0].Target.ShouldBe(Target("pip._internal.cli.main", "main"));
        entryPoints.ConsoleScripts[1].Target.ShouldBe(Target("pkg.cli", "app.run", "color", "rich"));
        entryPoints.GuiScripts.Single().Target!.ToString().ShouldBe("pkg.gui:start");
        entryPoints.InGroup("pkg.plugins")[0].Target.ShouldBe(Target("pkg.module", null));
        entryPoints.InGroup("pkg.plugins")[1].ShouldBe(new EntryPoint("pkg.plugins", "Odd Name", "anything goes here"));
        entryPoints.InGroup("pkg.plugins")[1].Target.ShouldBeNull();
    }

    [Fact]
    public void Crlf_and_surrounding_whitespace_are_ignored()
    {
        var entryPoints = EntryPoints.Parse("  [console_scripts]  \r\n  tool   =   mod:func  \r\n");

        entryPoints.ConsoleScripts.Single().ShouldBe(new EntryPoint("console_scripts", "tool", "mod:func"));
    }

    [Fact]
    public void An_empty_file_has_no_entry_points()
    {
        EntryPoints.Parse(string.Empty).All.ShouldBeEmpty();
        EntryPoints.Empty.ConsoleScripts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("tool = mod:func\n", "before the first [section]")]
    [InlineData("[console_scripts]\njust text\n", "expected 'name = value'")]
    [InlineData("[console_scripts\n", "malformed section header")]
    [InlineData("[console_scripts]\ntool = mod:a\ntool = mod:b\n", "'tool' is defined twice in [console_scripts]")]
    [InlineData("[console_scripts]\ntool = mod\n", "must be 'module:attribute', not 'mod'")]
    [InlineData("[gui_scripts]\ntool = not valid!\n", "must be 'module:attribute'")]
    public void Broken_entry_points_are_format_errors(string text, string expected) =>
        Should.Throw<PackagingFormatException>(() => EntryPoints.Parse(text)).Message.ShouldContain(expected);

    [Fact]
    public void Errors_point_at_the_line()
    {
        const string text = "[console_scripts]\nok = a:b\n  bad line\n";

        var error = Should.Throw<PackagingFormatException>(() => EntryPoints.Parse(text));

        error.Message.ShouldContain("line 3, column 3");
        error.Position.ShouldBe(text.IndexOf("bad", StringComparison.Ordinal));
    }

    [MachineWheelsTheory]
    [MemberData(nameof(MachineWheels.All), MemberType = typeof(MachineWheels))]
    public async Task Real_entry_points_parse(string wheelPath)
    {
        using var stream = new MemoryStream(MachineWheels.ReadDistInfoFile(wheelPath, "entry_points.txt"));

        var entryPoints = await EntryPoints.ReadAsync(stream);

        entryPoints.All.ShouldNotBeEmpty();
        entryPoints.All.ShouldAllBe(e => e.Target != null && e.Target.Attribute != null);
        if (MachineWheels.NameAndVersion(wheelPath).Name == "pip")
        {
            entryPoints.ConsoleScripts.Select(e => e.Name).ShouldContain("pip");
            entryPoints.ConsoleScripts.First(e => e.Name == "pip").Target.ShouldBe(Target("pip._internal.cli.main", "main"));
        }
        else
        {
            entryPoints.Groups.ShouldContain("distutils.commands");
        }
    }

    private static EntryPointTarget Target(string module, string? attribute, params string[] extras)
    {
        var text = module + (attribute is null ? string.Empty : ":" + attribute) + (extras.Length == 0 ? string.Empty : " [" + string.Join(",", extras) + "]");
        EntryPointTarget.TryParse(text, out var target).ShouldBeTrue();
        return target!;
    }
}
