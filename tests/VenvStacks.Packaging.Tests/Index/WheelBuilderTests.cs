using System.IO.Compression;
using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Wheels;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Index;

/// <summary>The test wheel builder, checked with the product's own wheel and metadata readers.</summary>
public sealed class WheelBuilderTests
{
    [Fact]
    public void The_same_description_always_gives_the_same_bytes()
    {
        var builder = new WheelBuilder("demo", "1.0").WithRequiresDist("idna").WithModule("demo/__init__.py", "x = 1\n");

        var first = builder.Build();
        var second = builder.Build();

        second.Content.ShouldBe(first.Content);
        second.Sha256.ShouldBe(first.Sha256);
        builder.WithModule("demo/extra.py", "").Build().Sha256.ShouldNotBe(first.Sha256);
    }

    [Theory]
    [InlineData("Demo.Lib", "1.0", "py3-none-any", null, "demo_lib-1.0-py3-none-any.whl")]
    [InlineData("demo-lib", "2.0rc1", "cp311-cp311-manylinux_2_17_x86_64", null, "demo_lib-2.0rc1-cp311-cp311-manylinux_2_17_x86_64.whl")]
    [InlineData("x", "1", "cp312-cp312-win_amd64", "7", "x-1-7-cp312-cp312-win_amd64.whl")]
    [InlineData("y", "1", "cp313-cp313-macosx_11_0_arm64", null, "y-1-cp313-cp313-macosx_11_0_arm64.whl")]
    public void File_names_escape_the_name_and_carry_build_and_tags(string name, string version, string tag, string? build, string fileName)
    {
        var builder = new WheelBuilder(name, version).WithTag(tag);
        (build is null ? builder : builder.WithBuildTag(build)).Build().FileName.ShouldBe(fileName);
    }

    [Fact]
    public void Metadata_wheel_and_record_files_are_valid_and_consistent()
    {
        var wheel = new WheelBuilder("Demo.Lib", "1.1")
            .WithTag("py2.py3-none-any")
            .WithRequiresPython(">=3.9")
            .WithRequiresDist("idna>=3")
            .WithExtra("fast", "orjson ; sys_platform != \"win32\"")
            .WithMetadataField("Summary", "A demo")
            .WithModule("demo_lib/__init__.py", "VALUE = 1\n")
            .WithConsoleScript("demo", "demo_lib:main")
            .Build();

        using var zip = new ZipArchive(new MemoryStream(wheel.Content));
        var metadata = DistributionMetadata.Parse(Read(zip, "demo_lib-1.1.dist-info/METADATA"));
        metadata.Name.ShouldBe("Demo.Lib");
        metadata.MetadataVersion.ToString().ShouldBe("2.1");
        metadata.RequiresPython!.ToString().ShouldBe(">=3.9");
        metadata.ProvidesExtra.ShouldBe(["fast"]);
        metadata.RequiresDistText.ShouldBe(["idna>=3", "orjson ; (sys_platform != \"win32\") and extra == \"fast\""]);
        metadata.Summary.ShouldBe("A demo");
        Read(zip, "demo_lib-1.1.dist-info/METADATA").ShouldBe(wheel.Metadata);

        var info = WheelInfo.Parse(Read(zip, "demo_lib-1.1.dist-info/WHEEL"));
        info.Tags.ShouldBe(["py2-none-any", "py3-none-any"]);
        info.RootIsPurelib.ShouldBeTrue();

        var record = RecordFile.Parse(Read(zip, "demo_lib-1.1.dist-info/RECORD"));
        record.Entries.Select(e => e.Path).ShouldBe(zip.Entries.Select(e => e.FullName), ignoreOrder: true);
        foreach (var entry in record.Entries.Where(e => e.Hash is not null))
        {
            entry.Verify(Read(zip, entry.Path)).IsValid.ShouldBeTrue(entry.Path);
        }

        record.Find("demo_lib-1.1.dist-info/RECORD")!.Hash.ShouldBeNull();
        zip.Entries.ShouldAllBe(e => e.LastWriteTime.Year == 2020);
    }

    [Fact]
    public void Platform_wheels_are_not_purelib()
    {
        var wheel = new WheelBuilder("native", "1.0").WithTag("cp311-cp311-win_amd64").Build();
        using var zip = new ZipArchive(new MemoryStream(wheel.Content));

        WheelInfo.Parse(Read(zip, "native-1.0.dist-info/WHEEL")).RootIsPurelib.ShouldBeFalse();
    }

    private static byte[] Read(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
