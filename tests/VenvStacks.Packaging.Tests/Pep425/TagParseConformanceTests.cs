using VenvStacks.Packaging.Pep425;

namespace VenvStacks.Packaging.Tests.Pep425;

[Trait("Category", "Conformance")]
public sealed class TagParseConformanceTests
{
    public static TheoryData<int, string> Cases => TagsData.Indexed<TagParseCase>("tag_parse", c => c.Tag);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tag_text_expands_to_the_lower_cased_tag_set_or_is_rejected(int index, string tag)
    {
        var expected = TagsData.Cases<TagParseCase>("tag_parse")[index];

        if (expected.Valid)
        {
            var set = TagSet.Parse(tag);
            set.Select(t => t.ToString()).Order(StringComparer.Ordinal).ShouldBe(expected.Tags!.Order(StringComparer.Ordinal));
            set.Count.ShouldBe(expected.Tags!.Length);
            foreach (var text in expected.Tags!)
            {
                var parts = text.Split('-');
                set.Contains(new Tag(parts[0], parts[1], parts[2])).ShouldBeTrue();
            }
        }
        else
        {
            var error = Should.Throw<PackagingFormatException>(() => TagSet.Parse(tag));
            error.Input.ShouldBe(tag);
            error.Position.ShouldBeInRange(0, tag.Length);
            TagSet.TryParse(tag, out var none).ShouldBeFalse();
            none.ShouldBeNull();
        }
    }
}
