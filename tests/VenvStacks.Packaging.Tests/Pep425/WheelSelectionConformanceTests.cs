using VenvStacks.Packaging.Pep425;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Tests.Pep425;

[Trait("Category", "Conformance")]
public sealed class WheelSelectionConformanceTests
{
    public static TheoryData<int, string> Cases =>
        TagsData.Indexed<WheelSelectionCase>("wheel_selection", c => $"{c.Target} {c.Set}");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compatible_wheels_are_selected_best_rank_first_keeping_input_order_for_ties(int index, string label)
    {
        var selection = TagsData.Cases<WheelSelectionCase>("wheel_selection")[index];
        var target = TagsData.Targets[selection.Target];
        var supported = SupportedTags.ForCPython(target.PythonVersion[0], target.PythonVersion[1], target.Abis, target.Platforms);
        var wheels = selection.Filenames.Select(name => WheelFileName.Parse(name)).ToList();

        var selected = supported.SelectCompatible(wheels, wheel => wheel.Tags);

        selected.Select(wheel => wheel.FileName).ShouldBe(selection.Selected, label);
        foreach (var wheel in wheels)
        {
            supported.IsCompatible(wheel.Tags).ShouldBe(selection.Selected.Contains(wheel.FileName));
        }
    }
}
