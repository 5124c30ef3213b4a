using System.Text;
using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Pep508;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.CoreMetadata;

public sealed class DistributionMetadataTests
{
    [Fact]
    public void Metadata_1_0_unfolds_the_distutils_description_header()
    {
        var metadata = DistributionMetadata.Parse(MetadataSamples.Version1_0);

        metadata.MetadataVersion.ShouldBe(new MetadataVersion(1, 0));
        metadata.Name.ShouldBe("ancient");
        metadata.VersionText.ShouldBe("0.9");
        metadata.Version.ShouldBe(Version.Parse("0.9"));
        metadata.Summary.ShouldBe("A package from 2001");
        metadata.Description.ShouldBe("Ancient\n=======\n\nDoes old things.\n    Indented example.");
        metadata.Get("keywords").ShouldBe("old things");
        metadata.Get("Platform").ShouldBe("UNKNOWN");
        metadata.RequiresDistText.ShouldBeEmpty();
        metadata.RequiresPythonText.ShouldBeNull();
        metadata.ProvidesExtra.ShouldBeEmpty();
    }

    [Fact]
    public void Metadata_1_1_keeps_classifiers_and_legacy_requires()
    {
        var metadata = DistributionMetadata.Parse(MetadataSamples.Version1_1);

        metadata.MetadataVersion.ShouldBe(new MetadataVersion(1, 1));
        metadata.Classifiers.ShouldBe(["Programming Language :: Python :: 2", "License :: OSI Approved :: MIT License"]);
        metadata.GetAll("Requires").ShouldBe(["os.path"]);
        metadata.Get("Download-URL").ShouldBe("http://example.org/classic-1.1.0.tar.gz");
        metadata.Description.ShouldBe("UNKNOWN");
        metadata.UnknownFields.ShouldBeEmpty();
    }

    [Fact]
    public void Metadata_1_2_reads_requirements_and_the_pipe_folded_description()
    {
        var metadata = DistributionMetadata.Parse(MetadataSamples.Version1_2);

        metadata.MetadataVersion.ShouldBe(new MetadataVersion(1, 2));
        metadata.Name.ShouldBe("modern-ish");
        metadata.RequiresDistText.ShouldBe(["six (>=1.10)"]);
        metadata.RequiresDist.Single().ShouldBe(Requirement.Parse("six>=1.10"));
        metadata.RequiresPythonText.ShouldBe(">=2.7, !=3.0.*");
        metadata.RequiresPython.ShouldNotBeNull().Contains("2.7.18").ShouldBeTrue();
        metadata.RequiresPython.Contains("3.0.1").ShouldBeFalse();
        metadata.GetAll("requires-external").ShouldBe(["libxml2"]);
        metadata.Get("Project-URL").ShouldBe("Source, https://example.org/src");
        metadata.Description.ShouldBe("Modern-ish\n==========\n\n  Keeps indentation.");
    }

    [Fact]
    public void Metadata_2_0_takes_the_description_from_the_body()
    {
        var metadata = DistributionMetadata.Parse(MetadataSamples.Version2_0);

        metadata.MetadataVersion.ShouldBe(new MetadataVersion(2, 0));
        metadata.Description.ShouldBe("Body description.\n");
        metadata.ProvidesExtra.ShouldBe(["security"]);
        metadata.RequiresDistText.ShouldBe(["requests", "pyOpenSSL; extra == 'security'"]);
        metadata.RequiresDist[1].Name.ShouldBe("pyOpenSSL");
        metadata.RequiresDist[1].Marker.ShouldBe(Marker.Parse("extra == \"security\""));
    }

    [Fact]
    public void Metadata_2_1_normalises_extras_per_pep_685()
    {
        var metadata = DistributionMetadata.Parse(MetadataSamples.Version2_1);

        metadata.MetadataVersion.ShouldBe(new MetadataVersion(2, 1));
        metadata.Name.ShouldBe("Example_Pkg");
        metadata.NormalizedName.Value.ShouldBe("example-pkg");
        metadata.Version.ShouldBe(Version.Parse("1.0"));
        metadata.RequiresDist.Select(r => r.Name).ShouldBe(["packaging", "pytest"]);
        metadata.ProvidesExtra.ShouldBe(["test-all", "docs"]);
        metadata.DescriptionContentType.ShouldBe("text/markdown; charset=UTF-8");
        metadata.Description.ShouldBe("# Example\n\nMarkdown body.\n");
        metadata.RequiresPythonText.ShouldBe(">=3.8");
    }

    [Fact]
    public void Metadata_2_2_lists_dynamic_fields()
    {
        var metadata = DistributionMetadata.Parse(MetadataSamples.Version2_2);

        metadata.MetadataVersion.ShouldBe(new MetadataVersion(2, 2));
        metadata.Dynamic.ShouldBe(["Requires-Dist", "Summary"]);
        metadata.Summary.ShouldBeNull();
        metadata.Description.ShouldBeNull();
    }

    [Fact]
    public void Metadata_2_3_keeps_normalised_extras_as_they_are()
    {
        var metadata = DistributionMetadata.Parse(MetadataSamples.Version2_3);

        metadata.MetadataVersion.ShouldBe(new MetadataVersion(2, 3));
        metadata.ProvidesExtra.ShouldBe(["test-all"]);
    }

    [Fact]
    public void Metadata_2_4_reads_license_expression_and_files()
    {
        var metadata = DistributionMetadata.Parse(MetadataSamples.Version2_4);

        metadata.MetadataVersion.ShouldBe(new MetadataVersion(2, 4));
        metadata.LicenseExpression.ShouldBe("MIT OR Apache-2.0");
        metadata.LicenseFiles.ShouldBe(["LICENSE-MIT", "licenses/LICENSE-APACHE"]);
        metadata.Description.ShouldBe("Licensed.\n");
    }

    [Fact]
    public void Field_names_are_case_insensitive()
    {
        var metadata = DistributionMetadata.Parse("metadata-version: 2.1\nNAME: shouty\nversion: 1\nREQUIRES-DIST: a\nrequires-dist: b\n");

        metadata.Name.ShouldBe("shouty");
        metadata.VersionText.ShouldBe("1");
        metadata.RequiresDistText.ShouldBe(["a", "b"]);
        metadata.Fields.Select(f => f.Name).ShouldBe(["metadata-version", "NAME", "version", "REQUIRES-DIST", "requires-dist"]);
    }

    [Fact]
    public void Continuation_lines_join_with_newlines_and_keep_their_indentation()
    {
        var metadata = DistributionMetadata.Parse(
            "Metadata-Version: 2.1\nName: x\nVersion: 1\nLicense: Line one\n        line two\n\tline three\nSummary: s\n");

        metadata.Get("License").ShouldBe("Line one\n        line two\n\tline three");
        metadata.Fields.Single(f => f.Name == "Summary").Line.ShouldBe(7);
    }

    [Fact]
    public void Unknown_fields_are_kept_in_order()
    {
        var metadata = DistributionMetadata.Parse("Metadata-Version: 2.1\nName: x\nX-Tool: one\nVersion: 1\nx-tool: two\n");

        metadata.UnknownFields.Select(f => (f.Name, f.Value)).ShouldBe([("X-Tool", "one"), ("x-tool", "two")]);
        metadata.GetAll("X-TOOL").ShouldBe(["one", "two"]);
    }

    [Fact]
    public void Crlf_line_endings_read_like_lf()
    {
        var metadata = DistributionMetadata.Parse("Metadata-Version: 2.1\r\nName: crlf\r\nVersion: 1.0\r\nSummary: a\r\n  b\r\n\r\nBody\r\n");

        metadata.Name.ShouldBe("crlf");
        metadata.Summary.ShouldBe("a\n  b");
        metadata.Description.ShouldBe("Body\r\n");
    }

    [Fact]
    public void Body_wins_over_a_description_header_which_stays_visible()
    {
        var metadata = DistributionMetadata.Parse("Metadata-Version: 2.1\nName: x\nVersion: 1\nDescription: header\n\nbody\n");

        metadata.Description.ShouldBe("body\n");
        metadata.Get("Description").ShouldBe("header");
    }

    [Fact]
    public void Utf8_bytes_decode_and_a_byte_order_mark_is_ignored()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFFMetadata-Version: 2.1\nName: x\nVersion: 1\nAuthor: Zoë Çelik\n");

        DistributionMetadata.Parse(bytes).Get("Author").ShouldBe("Zoë Çelik");
    }

    [Fact]
    public async Task Metadata_reads_from_a_stream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(MetadataSamples.Version2_4));

        var metadata = await DistributionMetadata.ReadAsync(stream);

        metadata.Name.ShouldBe("licensed");
    }

    [Fact]
    public void Invalid_utf8_is_a_format_error_at_the_bad_byte()
    {
        byte[] bytes = [.. "Metadata-Version: 2.1\nName: x\nAuthor: "u8, 0xC3, 0x28, .. "\n"u8];

        var error = Should.Throw<PackagingFormatException>(() => DistributionMetadata.Parse(bytes));

        error.Message.ShouldContain("not valid UTF-8");
        error.Message.ShouldContain("line 3");
        error.Input[error.Position].ShouldBe('\uFFFD');
    }

    [Theory]
    [InlineData("Name: x\nVersion: 1\n", "Metadata-Version")]
    [InlineData("Metadata-Version: 2.1\nVersion: 1\n", "Name")]
    [InlineData("Metadata-Version: 2.1\nName: x\n", "Version")]
    public void Missing_required_fields_are_format_errors(string text, string field)
    {
        var error = Should.Throw<PackagingFormatException>(() => DistributionMetadata.Parse(text));

        error.Message.ShouldContain($"missing required field '{field}'");
        error.Input.ShouldBe(text);
    }

    [Fact]
    public void A_line_that_is_not_a_header_is_a_format_error_with_its_line()
    {
        const string text = "Metadata-Version: 2.1\nName: x\nthis is not a header\nVersion: 1\n";

        var error = Should.Throw<PackagingFormatException>(() => DistributionMetadata.Parse(text));

        error.Message.ShouldContain("line 3");
        error.Position.ShouldBe(text.IndexOf("this", StringComparison.Ordinal));
        error.Length.ShouldBe("this is not a header".Length);
    }

    [Fact]
    public void A_continuation_line_before_any_header_is_a_format_error()
    {
        var error = Should.Throw<PackagingFormatException>(() => DistributionMetadata.Parse("  indented\nName: x\n"));

        error.Message.ShouldContain("continuation line");
        error.Position.ShouldBe(0);
    }

    [Fact]
    public void A_repeated_name_is_a_format_error_at_the_second_one()
    {
        const string text = "Metadata-Version: 2.1\nName: one\nName: two\nVersion: 1\n";

        var error = Should.Throw<PackagingFormatException>(() => DistributionMetadata.Parse(text));

        error.Message.ShouldContain("'Name' appears more than once");
        error.Position.ShouldBe(text.IndexOf("two", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("3.0", "newer than the supported 2.x")]
    [InlineData("two", "not a valid metadata version")]
    [InlineData("2", "not a valid metadata version")]
    public void Bad_metadata_versions_are_format_errors(string version, string expected)
    {
        var error = Should.Throw<PackagingFormatException>(() => DistributionMetadata.Parse($"Metadata-Version: {version}\nName: x\nVersion: 1\n"));

        error.Message.ShouldContain(expected);
        error.Position.ShouldBe("Metadata-Version: ".Length);
    }

    [Theory]
    [InlineData("Name: -bad\nVersion: 1\n", "'-bad' is not a valid project name")]
    [InlineData("Name: ok\nVersion: 1\nProvides-Extra: not valid!\n", "'not valid!' is not a valid extra name")]
    [InlineData("Name: ok\nVersion:   \n", "field 'Version' is empty")]
    public void Invalid_identity_values_are_format_errors(string fields, string expected)
    {
        var error = Should.Throw<PackagingFormatException>(() => DistributionMetadata.Parse("Metadata-Version: 2.1\n" + fields));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void An_invalid_requirement_is_a_format_error_inside_its_line()
    {
        const string text = "Metadata-Version: 2.1\nName: x\nVersion: 1\nRequires-Dist: foo (>=1.0\n";

        var error = Should.Throw<PackagingFormatException>(() => DistributionMetadata.Parse(text));

        error.Message.ShouldStartWith("Invalid METADATA: Requires-Dist 'foo (>=1.0': ");
        error.Message.ShouldContain("line 4");
        error.Input.ShouldBe(text);
        var inner = error.InnerException.ShouldBeOfType<PackagingFormatException>();
        error.Position.ShouldBe(text.IndexOf("foo", StringComparison.Ordinal) + inner.Position);
    }

    [Theory]
    [InlineData("Version: not-a-version\n", "Invalid METADATA: Version 'not-a-version'")]
    [InlineData("Version: 1\nRequires-Python: >=3.8,<<4\n", "Invalid METADATA: Requires-Python '>=3.8,<<4'")]
    public void Invalid_versions_and_specifiers_are_format_errors(string fields, string expected)
    {
        var error = Should.Throw<PackagingFormatException>(() => DistributionMetadata.Parse("Metadata-Version: 2.1\nName: x\n" + fields));

        error.Message.ShouldStartWith(expected);
        error.InnerException.ShouldBeOfType<PackagingFormatException>();
    }
}
