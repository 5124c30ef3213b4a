using System.Text.Json.Nodes;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Publishing;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>The archive build numbering of docs/venvstacks-reference.md §4.2, decided from metadata alone.</summary>
public sealed class ArchiveBuildPlanTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "vstk-plan-" + Guid.NewGuid().ToString("N"));
    private readonly PublishNaming _naming;

    public ArchiveBuildPlanTests()
    {
        Directory.CreateDirectory(_output);
        _naming = new PublishNaming(_output, TargetPlatform.LinuxX64, ArchiveFormat.TarXz, TagOutputs: false);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Without_previous_metadata_the_first_build_is_1()
    {
        var plan = ArchiveBuildPlan.Decide(Details("framework-x@3", 3), _naming, previous: null, force: false);

        plan.NeedsArchive.ShouldBeTrue();
        plan.ArchiveBuild.ShouldBe(1);
        plan.ArchiveName.ShouldBe("framework-x@3.tar.xz");
        plan.BuildMetadata["target_platform"]!.GetValue<string>().ShouldBe("linux_x86_64");
    }

    [Fact]
    public void Unchanged_metadata_with_its_archive_present_is_kept_verbatim()
    {
        var previous = Published(Details("app-y", 1), build: 4, "app-y.tar.xz");
        previous["archive_size"] = 12;

        var plan = ArchiveBuildPlan.Decide(Details("app-y", 1), _naming, previous, force: false);

        plan.NeedsArchive.ShouldBeFalse();
        plan.ArchiveBuild.ShouldBe(4);
        plan.Previous.ShouldBeSameAs(previous);
    }

    [Fact]
    public void Force_a_missing_archive_or_any_changed_field_makes_the_next_build()
    {
        var details = Details("app-y", 1);
        var previous = Published(details, build: 4, "app-y.tar.xz");

        ArchiveBuildPlan.Decide(details, _naming, previous, force: true).ArchiveBuild.ShouldBe(5);
        File.Delete(Path.Combine(_output, "app-y.tar.xz"));
        ArchiveBuildPlan.Decide(details, _naming, previous, force: false).ArchiveBuild.ShouldBe(5);
        File.WriteAllText(Path.Combine(_output, "app-y.tar.xz"), "archive");
        var changed = Details("app-y", 1);
        changed["app_launch_module_hash"] = "sha256:other";
        ArchiveBuildPlan.Decide(changed, _naming, previous, force: false).ArchiveBuild.ShouldBe(5);
        var dropped = (JsonObject)previous.DeepClone();
        dropped["app_support_modules"] = new JsonArray();
        ArchiveBuildPlan.Decide(details, _naming, dropped, force: false).ArchiveBuild.ShouldBe(5, "a field gone since the last publish counts as a change");
    }

    [Fact]
    public void A_new_lock_version_restarts_the_count_while_unversioned_layers_keep_counting()
    {
        var previous = Published(Details("framework-x@3", 3), build: 7, "framework-x@3.tar.xz");

        var versioned = ArchiveBuildPlan.Decide(Details("framework-x@4", 4), _naming, previous, force: false);
        var unversioned = ArchiveBuildPlan.Decide(Details("framework-x", 1, requirementsHash: "sha256:new"), _naming, Published(Details("framework-x", 1), build: 7, "framework-x.tar.xz"), force: false);

        (versioned.ArchiveBuild, versioned.ArchiveName).ShouldBe((1, "framework-x@4.tar.xz"));
        (unversioned.ArchiveBuild, unversioned.ArchiveName).ShouldBe((8, "framework-x.tar.xz"));
    }

    [Fact]
    public void Tagged_names_change_with_the_build_number_so_a_previous_tagged_archive_is_looked_up_by_its_number()
    {
        var tagged = _naming with { TagOutputs = true };
        var previous = Published(Details("app-y", 1), build: 2, "app-y-linux_x86_64-2.tar.xz");

        var kept = ArchiveBuildPlan.Decide(Details("app-y", 1), tagged, previous, force: false);
        var next = ArchiveBuildPlan.Decide(Details("app-y", 1), tagged, previous, force: true);

        kept.NeedsArchive.ShouldBeFalse();
        next.ArchiveName.ShouldBe("app-y-linux_x86_64-3.tar.xz");
        tagged.LayerMetadataPath("app-y").ShouldBe(Path.Combine(_output, "__venvstacks__", "env_metadata", "app-y-linux_x86_64.json"));
        tagged.ManifestPath.ShouldBe(Path.Combine(_output, "__venvstacks__", "venvstacks-linux_x86_64.json"));
    }

    [Fact]
    public void The_default_format_is_zip_for_Windows_targets_and_tar_xz_elsewhere()
    {
        TargetPlatform.All.Select(p => (p.Name, PublishNaming.DefaultFormat(p))).ShouldBe([
            ("linux_aarch64", ArchiveFormat.TarXz), ("linux_x86_64", ArchiveFormat.TarXz), ("macosx_arm64", ArchiveFormat.TarXz),
            ("macosx_x86_64", ArchiveFormat.TarXz), ("win_amd64", ArchiveFormat.Zip), ("win_arm64", ArchiveFormat.Zip)]);
    }

    private static JsonObject Details(string installTarget, int lockVersion, string requirementsHash = "sha256:abc") => new()
    {
        ["layer_name"] = installTarget.Split('@')[0],
        ["install_target"] = installTarget,
        ["lock_version"] = lockVersion,
        ["locked_at"] = "2025-08-27T00:00:00+00:00",
        ["requirements_hash"] = requirementsHash,
        ["app_launch_module_hash"] = "sha256:module",
    };

    // Metadata as a previous publish wrote it (read back from JSON text), with its archive on disk.
    private JsonObject Published(JsonObject details, int build, string archiveName)
    {
        var metadata = (JsonObject)details.DeepClone();
        metadata["archive_build"] = build;
        metadata["archive_name"] = archiveName;
        metadata["target_platform"] = "linux_x86_64";
        metadata["archive_hashes"] = new JsonObject { ["sha256"] = "00" };
        File.WriteAllText(Path.Combine(_output, archiveName), "archive");
        return JsonNode.Parse(metadata.ToJsonString())!.AsObject();
    }
}
