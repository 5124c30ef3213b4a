using System.Collections.Immutable;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.Resolution;
using VenvStacks.Packaging.VenvstacksTargets;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>Shared helpers: targets, requests and compact assertions on resolutions.</summary>
internal static class ResolverKit
{
    public static ResolutionTarget Linux311 { get; } =
        ResolutionTarget.ForPlatform(TargetPlatform.LinuxX64, PythonImplementation.Parse("cpython@3.11.7"));

    public static ResolutionTarget Windows311 { get; } =
        ResolutionTarget.ForPlatform(TargetPlatform.WinAmd64, PythonImplementation.Parse("cpython@3.11.7"));

    public static ResolutionRequest Request(params string[] requirements) =>
        new([.. requirements.Select(Requirement.Parse)]);

    public static ResolutionConstraint Constraint(string requirement, string origin) => new(Requirement.Parse(requirement), origin);

    public static ImmutableDictionary<NormalizedName, Version> Preferences(params (string Name, string Version)[] pins) =>
        pins.ToImmutableDictionary(pin => NormalizedName.From(pin.Name), pin => Version.Parse(pin.Version));

    public static Task<ResolutionResult> ResolveAsync(this InMemoryCandidateProvider index, ResolutionRequest request, ResolutionTarget? target = null, CancellationToken cancellationToken = default) =>
        new Resolver(index).ResolveAsync(request, target ?? Linux311, cancellationToken);

    public static Task<ResolutionResult> ResolveAsync(this InMemoryCandidateProvider index, params string[] requirements) =>
        index.ResolveAsync(Request(requirements));

    /// <summary>The resolution as <c>name==version</c> strings, sorted by name.</summary>
    public static string[] Pins(this ResolutionResult resolution) =>
        [.. resolution.Packages.Select(package => $"{package.Name}=={package.Version}")];

    public static ResolvedPackage Package(this ResolutionResult resolution, string name) =>
        resolution.Find(NormalizedName.From(name)) ?? throw new ShouldAssertException($"{name} is not in the resolution: {string.Join(", ", resolution.Pins())}");

    public static async Task<ResolutionException> ShouldFailAsync(this InMemoryCandidateProvider index, ResolutionRequest request, ResolutionTarget? target = null) =>
        await Should.ThrowAsync<ResolutionException>(() => index.ResolveAsync(request, target));
}
