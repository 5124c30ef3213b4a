using VenvStacks.Packaging.Pep425;

namespace VenvStacks.Packaging.Tests.Pep425;

public sealed class TagTests
{
    [Fact]
    public void Parts_are_lower_cased_so_tags_compare_case_insensitively()
    {
        var tag = new Tag("CP311", "Cp311", "WIN_AMD64");

        tag.Interpreter.ShouldBe("cp311");
        tag.Abi.ShouldBe("cp311");
        tag.Platform.ShouldBe("win_amd64");
        tag.ShouldBe(new Tag("cp311", "cp311", "win_amd64"));
        tag.GetHashCode().ShouldBe(new Tag("cp311", "cp311", "win_amd64").GetHashCode());
    }

    [Fact]
    public void String_form_joins_the_parts_with_dashes()
    {
        new Tag("py3", "none", "any").ToString().ShouldBe("py3-none-any");
    }

    [Fact]
    public void Tags_differing_in_any_part_are_not_equal()
    {
        var tag = new Tag("py3", "none", "any");

        tag.ShouldNotBe(new Tag("py2", "none", "any"));
        tag.ShouldNotBe(new Tag("py3", "abi3", "any"));
        tag.ShouldNotBe(new Tag("py3", "none", "win32"));
    }

    [Fact]
    public void Parse_reads_a_single_tag()
    {
        Tag.Parse("Cp311-Cp311-Win_Amd64").ShouldBe(new Tag("cp311", "cp311", "win_amd64"));
        Tag.Parse("py3.py3-none-any").ShouldBe(new Tag("py3", "none", "any"));
    }

    [Fact]
    public void Parse_rejects_a_compressed_set_of_several_tags()
    {
        var error = Should.Throw<PackagingFormatException>(() => Tag.Parse("py2.py3-none-any"));

        error.Message.ShouldBe("Tag 'py2.py3-none-any' is a compressed tag set of 2 tags, not a single tag");
        error.Input.ShouldBe("py2.py3-none-any");
    }

    [Fact]
    public void Null_parts_are_argument_errors()
    {
        Should.Throw<ArgumentNullException>(() => new Tag(null!, "none", "any"));
    }
}
