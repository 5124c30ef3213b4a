using VenvStacks.Core.Specs;

namespace VenvStacks.Core.Tests.Specs;

/// <summary>VenvStacksInclude: the named layers, the lower layers they need, and the patterns that named nothing.</summary>
public sealed class LayerSelectionTests : IDisposable
{
    private readonly SpecFiles _files = new();

    private StackSpec Spec()
    {
        _files.Touch("a.py");
        return _files.Load("""
            [[runtimes]]
            name = "cpython-3.11"
            python_implementation = "cpython@3.11.7"
            requirements = []

            [[frameworks]]
            name = "base"
            runtime = "cpython-3.11"
            requirements = []

            [[frameworks]]
            name = "extra"
            runtime = "cpython-3.11"
            requirements = []

            [[applications]]
            name = "a"
            launch_module = "a.py"
            frameworks = ["base"]
            requirements = []
            """).Spec!;
    }

    [Fact]
    public void No_patterns_select_every_enabled_layer()
    {
        var selection = LayerSelection.Of(Spec(), []);

        selection.All.Select(l => l.BuildName).ShouldBe(["cpython-3.11", "framework-base", "framework-extra", "app-a"]);
        selection.Selected.ShouldBe(selection.All);
        selection.Unmatched.ShouldBeEmpty();
    }

    [Fact]
    public void A_pattern_selects_its_layers_and_brings_the_lower_layers_they_need_in_stack_order()
    {
        var selection = LayerSelection.Of(Spec(), ["app-*", "nothing-*"]);

        selection.Selected.Select(l => l.BuildName).ShouldBe(["app-a"]);
        selection.All.Select(l => l.BuildName).ShouldBe(["cpython-3.11", "framework-base", "app-a"]);
        selection.IsSelected(selection.All[0]).ShouldBeFalse();
        selection.Unmatched.ShouldBe(["nothing-*"]);
    }

    public void Dispose() => _files.Dispose();
}
