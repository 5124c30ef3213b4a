using VenvStacks.Core.Diagnostics;
using VenvStacks.TestSupport;

namespace VenvStacks.Core.Tests.Diagnostics;

public class ErrorCatalogueTests
{
    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        DiagnosticCodes.All.Select(d => d.Code).ShouldBeUnique();
        DiagnosticCodes.All.ShouldAllBe(d => System.Text.RegularExpressions.Regex.IsMatch(d.Code, "^VSTK[0-9]{4}$"));
    }

    [Fact]
    public void Every_code_has_an_entry_in_docs_errors_md()
    {
        var doc = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "errors.md"));

        foreach (var descriptor in DiagnosticCodes.All)
        {
            doc.ShouldContain($"## {descriptor.Code}", customMessage: $"docs/errors.md lacks a section for {descriptor.Code} ({descriptor.Title})");
        }
    }

    [Fact]
    public void Every_index_error_code_is_in_the_catalogue()
    {
        var codes = DiagnosticCodes.All.Select(d => d.Code).ToHashSet();

        foreach (var code in Enum.GetValues<VenvStacks.Packaging.Index.IndexErrorCode>())
        {
            codes.ShouldContain(IndexDiagnostics.For(code).Code, $"IndexErrorCode.{code} has no catalogue entry");
        }

        Enum.GetValues<VenvStacks.Packaging.Index.IndexErrorCode>().Select(code => IndexDiagnostics.For(code).Code)
            .ShouldBeUnique("each index failure kind has its own code");
    }
}
