using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using VenvStacks.TestSupport.Sdk;

namespace VenvStacks.Sdk.Tests.Package;

/// <summary>The packed VenvStacks.Sdk.nupkg is an MSBuild SDK package with a self-contained task folder.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", E2E.Category)]
public sealed class SdkPackageContentTests(PackedSdkFixture fixture)
{
    private const string TaskFolder = "tasks/net8.0/";

    [Fact]
    public void Nuspec_declares_the_MSBuildSdk_package_type_and_no_dependencies()
    {
        var nuspec = ReadNuspec();
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        metadata.Element(ns + "id")!.Value.ShouldBe("VenvStacks.Sdk");
        metadata.Element(ns + "version")!.Value.ShouldBe(fixture.Sdk.Version);
        metadata.Element(ns + "packageTypes")!.Elements(ns + "packageType")
            .Select(e => e.Attribute("name")!.Value).ShouldBe(["MSBuildSdk"]);
        metadata.Element(ns + "dependencies").ShouldBeNull("an SDK package is resolved by MSBuild; NuGet dependencies would be ignored");
    }

    [Theory]
    [InlineData("Sdk/Sdk.props")]
    [InlineData("Sdk/Sdk.targets")]
    [InlineData("Sdk/VenvStacks.Tasks.targets")]
    [InlineData("Sdk/VenvStacks.Layers.targets")]
    [InlineData("Sdk/VenvStacks.Lock.targets")]
    [InlineData("Sdk/VenvStacks.Version.props")]
    [InlineData("README.md")]
    [InlineData(TaskFolder + "VenvStacks.Tasks.dll")]
    [InlineData(TaskFolder + "VenvStacks.Tasks.deps.json")]
    [InlineData(TaskFolder + "VenvStacks.Core.dll")]
    [InlineData(TaskFolder + "VenvStacks.Packaging.dll")]
    [InlineData(TaskFolder + "Tomlyn.dll")]
    public void Package_contains(string entry) => EntryNames().ShouldContain(entry);

    [Fact]
    public void MSBuild_assemblies_are_not_shipped_because_the_host_provides_them()
    {
        EntryNames().Where(e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_lands_in_folders_NuGet_would_apply_to_an_installing_project()
    {
        EntryNames().Where(e => e.StartsWith("lib/", StringComparison.Ordinal)
                                || e.StartsWith("build/", StringComparison.Ordinal)
                                || e.StartsWith("buildTransitive/", StringComparison.Ordinal)
                                || e.StartsWith("contentFiles/", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_runtime_assembly_in_the_task_deps_file_is_in_the_task_folder()
    {
        using var archive = ZipFile.OpenRead(fixture.Sdk.PackagePath);
        using var depsStream = archive.GetEntry(TaskFolder + "VenvStacks.Tasks.deps.json")!.Open();
        using var deps = JsonDocument.Parse(depsStream);
        var runtimeAssemblies = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value
            .EnumerateObject()
            .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime)
                ? runtime.EnumerateObject().Select(asset => asset.Name)
                : [])
            .Select(path => TaskFolder + Path.GetFileName(path))
            .ToList();

        runtimeAssemblies.ShouldNotBeEmpty();
        runtimeAssemblies.ShouldBeSubsetOf(EntryNames());
    }

    [Fact]
    public void The_stamped_version_is_the_package_version()
    {
        using var archive = ZipFile.OpenRead(fixture.Sdk.PackagePath);
        using var reader = new StreamReader(archive.GetEntry("Sdk/VenvStacks.Version.props")!.Open());
        var props = XDocument.Parse(reader.ReadToEnd());

        props.Descendants("VenvStacksSdkVersion").Single().Value.ShouldBe(fixture.Sdk.Version);
    }

    private List<string> EntryNames()
    {
        using var archive = ZipFile.OpenRead(fixture.Sdk.PackagePath);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    private XDocument ReadNuspec()
    {
        using var archive = ZipFile.OpenRead(fixture.Sdk.PackagePath);
        var entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
