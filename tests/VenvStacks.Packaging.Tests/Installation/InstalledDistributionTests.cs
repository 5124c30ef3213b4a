using VenvStacks.Packaging.Installation;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Installation;

public class InstalledDistributionTests
{
    [Fact]
    public async Task Enumerates_distributions_by_normalised_name_with_metadata_names_and_versions()
    {
        using var target = new InstallTarget();
        await target.InstallAsync(new WheelBuilder("Zeta_Lib", "2.0.post1").WithModule("zeta.py", "").Build().WriteTo(target.Wheels));
        await target.InstallAsync(new WheelBuilder("alpha", "1.0").WithModule("alpha.py", "").Build().WriteTo(target.Wheels));
        // METADATA lost: the folder name still says what it is, as pip reads it.
        Directory.CreateDirectory(Path.Combine(target.SitePackages, "beta-3.1.dist-info"));
        Directory.CreateDirectory(Path.Combine(target.SitePackages, "not-a-dist-info"));

        var found = InstalledDistribution.Enumerate(target.SitePackages);

        found.Select(d => (d.Name, d.Version, d.DistInfoName)).ShouldBe(
        [
            ("alpha", "1.0", "alpha-1.0.dist-info"),
            ("beta", "3.1", "beta-3.1.dist-info"),
            ("Zeta_Lib", "2.0.post1", "zeta_lib-2.0.post1.dist-info"),
        ]);
        found[2].NormalizedName.Value.ShouldBe("zeta-lib");
        found[2].ParseVersion()!.ToString().ShouldBe("2.0.post1");
        found[0].SiteDirectory.ShouldBe(Path.GetFullPath(target.SitePackages));
        InstalledDistribution.Enumerate(Path.Combine(target.Root, "missing")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Is_intact_only_while_every_recorded_file_exists_with_its_size()
    {
        using var target = new InstallTarget();
        var installed = (await target.InstallAsync(new WheelBuilder("whole", "1.0").WithModule("whole/a.py", "A = 1\n").Build().WriteTo(target.Wheels))).Distribution;
        (await installed.IsIntactAsync()).ShouldBeTrue();

        File.WriteAllText(Path.Combine(target.SitePackages, "whole", "a.py"), "A = 22\n");
        (await installed.IsIntactAsync()).ShouldBeFalse();

        File.Delete(Path.Combine(target.SitePackages, "whole", "a.py"));
        (await installed.IsIntactAsync()).ShouldBeFalse();

        File.Delete(installed.RecordPath);
        (await installed.IsIntactAsync()).ShouldBeFalse();
        (await Should.ThrowAsync<InstallationException>(() => installed.ReadRecordAsync())).Kind.ShouldBe(InstallationErrorKind.InstalledRecordInvalid);
    }
}
