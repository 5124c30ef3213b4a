using System.Text.RegularExpressions;
using VenvStacks.Packaging.CoreMetadata;
using VenvStacks.Packaging.Tests.Wheels;

namespace VenvStacks.Packaging.Tests.CoreMetadata;

/// <summary>The METADATA of real wheels on this machine parses, and agrees with the wheel's file name.</summary>
public sealed class RealWheelMetadataTests
{
    [MachineWheelsTheory]
    [MemberData(nameof(MachineWheels.All), MemberType = typeof(MachineWheels))]
    public void Metadata_of_a_real_wheel_matches_its_file_name(string wheelPath)
    {
        var (name, version) = MachineWheels.NameAndVersion(wheelPath);

        var metadata = DistributionMetadata.Parse(MachineWheels.ReadDistInfoFile(wheelPath, "METADATA"));

        metadata.Name.ShouldBe(name);
        metadata.VersionText.ShouldBe(version);
        metadata.MetadataVersion.ShouldBeGreaterThanOrEqualTo(new MetadataVersion(2, 1));
        metadata.RequiresPythonText.ShouldNotBeNullOrWhiteSpace();
        metadata.Summary.ShouldNotBeNullOrWhiteSpace();
        metadata.Description.ShouldNotBeNullOrWhiteSpace();
        metadata.Classifiers.ShouldNotBeEmpty();
    }

    [MachineWheelsTheory]
    [MemberData(nameof(MachineWheels.All), MemberType = typeof(MachineWheels))]
    public void Extras_of_a_real_wheel_are_the_normalised_provides_extra_fields(string wheelPath)
    {
        var metadata = DistributionMetadata.Parse(MachineWheels.ReadDistInfoFile(wheelPath, "METADATA"));

        metadata.ProvidesExtra.ShouldBe(metadata.GetAll("Provides-Extra").Select(e => e.Trim().ToLowerInvariant()).Distinct());
        foreach (var requirement in metadata.RequiresDistText)
        {
            foreach (Match extra in Regex.Matches(requirement, @"extra\s*==\s*['""]([^'""]+)['""]"))
            {
                metadata.ProvidesExtra.ShouldContain(extra.Groups[1].Value);
            }
        }
    }
}
