using System.Collections.Immutable;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Specs.Reading;

/// <summary>The fields every layer kind shares, once read and validated.</summary>
internal sealed record CommonLayerFields(
    ImmutableArray<Requirement> Requirements,
    ImmutableArray<TargetPlatform> Platforms,
    bool Versioned,
    LinuxTarget LinuxTarget,
    MacOSTarget MacOSTarget,
    string LinuxTargetText,
    string MacOSTargetText,
    ImmutableArray<string> DynlibExclude,
    ImmutableDictionary<string, string> PackageIndexes,
    ImmutableArray<string> PriorityIndexes);
