using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.IndexSelection;
using VenvStacks.Packaging.Pep503;

namespace VenvStacks.Packaging.Tests.IndexSelection;

public sealed class IndexConfigurationTests
{
    private static readonly IndexSource Extra = IndexSource.Simple("https://extra.example/simple", "extra");
    private static readonly IndexSource Cpu = IndexSource.Simple("https://download.pytorch.org/whl/cpu", "pytorch-cpu", isExplicit: true);
    private static readonly IndexSource Cuda = IndexSource.Simple("https://download.pytorch.org/whl/cu128", "pytorch-cu128", isExplicit: true);
    private static readonly IndexSource Mirror = IndexSource.Simple("https://mirror.example/simple", "mirror", isDefault: true);
    private static readonly IndexSource Anonymous = IndexSource.Simple("https://anon.example/simple");

    [Fact]
    public void Pypi_is_the_default_index_searched_last()
    {
        var configuration = new IndexConfiguration([Extra, Cpu]);

        configuration.SearchOrder.ShouldBe([Extra, IndexSource.PyPI]);
        IndexSource.PyPI.Url.AbsoluteUri.ShouldBe("https://pypi.org/simple");
    }

    [Fact]
    public void A_default_index_replaces_pypi_and_goes_last_wherever_it_is_declared()
    {
        var configuration = new IndexConfiguration([Mirror, Extra, Anonymous]);

        configuration.SearchOrder.ShouldBe([Extra, Anonymous, Mirror]);
    }

    [Fact]
    public void No_index_searches_nothing()
    {
        new IndexConfiguration([Extra], noIndex: true).SearchOrder.ShouldBeEmpty();
    }

    [Fact]
    public void Duplicate_names_keep_the_first_definition_and_duplicate_urls_are_searched_once()
    {
        var again = IndexSource.Simple("https://other.example/simple", "extra");
        var sameUrl = IndexSource.Simple("https://extra.example/simple/", "extra-2");

        var configuration = new IndexConfiguration([Extra, again, sameUrl]);

        configuration.Indexes.ShouldBe([Extra, sameUrl]);
        configuration.SearchOrder.ShouldBe([Extra, IndexSource.PyPI]);
    }

    [Fact]
    public void Sources_route_normalised_names_and_unknown_index_names_are_coded_errors()
    {
        var configuration = new IndexConfiguration([Extra, Cpu], new Dictionary<string, string> { ["Torch_Vision"] = "pytorch-cpu" });

        configuration.Sources[NormalizedName.From("torch-vision")].ShouldBe(Cpu);
        Should.Throw<PackageIndexException>(() => new IndexConfiguration([Extra], new Dictionary<string, string> { ["torch"] = "nope" }))
            .Code.ShouldBe(IndexErrorCode.UnknownIndex);
    }

    [Fact]
    public void A_layer_lists_priority_then_routed_explicit_then_common_indexes()
    {
        var configuration = IndexConfiguration.ForLayer(
            declaredIndexes: [Anonymous, Cpu, Extra, Cuda, Mirror],
            commonSources: new Dictionary<string, string> { ["torch"] = "pytorch-cpu" },
            priorityIndexes: ["extra"],
            packageIndexes: new Dictionary<string, string> { ["torch"] = "pytorch-cu128" });

        configuration.Indexes.Select(i => i.Name).ShouldBe(["extra", "pytorch-cu128", "pytorch-cpu", null, "mirror"]);
        configuration.Sources[NormalizedName.From("torch")].ShouldBe(Cuda);
        configuration.SearchOrder.ShouldBe([Extra, Anonymous, Mirror]);
    }

    [Fact]
    public void A_priority_index_is_searched_even_when_declared_explicit()
    {
        var configuration = IndexConfiguration.ForLayer([Cpu, Extra], new Dictionary<string, string>(), ["pytorch-cpu"], new Dictionary<string, string>());

        configuration.Indexes[0].ShouldBe(Cpu with { Explicit = false });
        configuration.SearchOrder.Select(i => i.Name).ShouldBe(["pytorch-cpu", "extra", null]);
    }

    [Fact]
    public void A_layer_referring_to_an_undeclared_index_is_a_coded_error()
    {
        Should.Throw<PackageIndexException>(() =>
                IndexConfiguration.ForLayer([Extra], new Dictionary<string, string>(), ["missing"], new Dictionary<string, string>()))
            .Code.ShouldBe(IndexErrorCode.UnknownIndex);
    }
}
