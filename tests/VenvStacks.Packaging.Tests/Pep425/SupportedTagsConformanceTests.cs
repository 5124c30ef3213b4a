using VenvStacks.Packaging.Pep425;

namespace VenvStacks.Packaging.Tests.Pep425;

[Trait("Category", "Conformance")]
public sealed class SupportedTagsConformanceTests
{
    public static TheoryData<int, string> Cases => TagsData.Indexed<SupportedTagsCase>("supported_tags", c => c.Target);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CPython_supported_tags_are_cpython_tags_then_compatible_tags_in_full(int index, string targetId)
    {
        var expected = TagsData.Cases<SupportedTagsCase>("supported_tags")[index];
        var target = TagsData.Targets[targetId];

        var supported = SupportedTags.ForCPython(target.PythonVersion[0], target.PythonVersion[1], target.Abis, target.Platforms);

        supported.Select(tag => tag.ToString()).ShouldBe(expected.Tags);
        supported.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Tags.Length; i++)
        {
            supported.IndexOf(Tag.Parse(expected.Tags[i])).ShouldBe(i);
        }
    }
}
