using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Specs;

/// <summary>One validated layer of a stack: the fields of docs/venvstacks-reference.md §1.2 with their defaults applied.</summary>
public abstract record LayerSpec
{
    /// <summary>Runtime, framework or application.</summary>
    public abstract LayerKind Kind { get; }

    /// <summary>The name as written in the spec.</summary>
    public required string Name { get; init; }

    /// <summary>The declared requirements, in declaration order.</summary>
    public ImmutableArray<Requirement> Requirements { get; init; } = [];

    /// <summary>The target platforms; empty means the layer is disabled.</summary>
    public ImmutableArray<TargetPlatform> Platforms { get; init; } = [];

    /// <summary>Whether the deployed name carries the lock version (<c>name@N</c>).</summary>
    public bool Versioned { get; init; }

    /// <summary>The glibc baseline for Linux wheels.</summary>
    public LinuxTarget LinuxTarget { get; init; } = LinuxTarget.Default;

    /// <summary>The macOS deployment target for macOS wheels.</summary>
    public MacOSTarget MacOSTarget { get; init; } = MacOSTarget.Default;

    /// <summary>
    /// The <c>linux_target</c> text as venvstacks records it (declared value, else <c>glibc@2.28</c>); lock hashes
    /// use this text, so <c>"glibc"</c> and <c>"glibc@2.28"</c> hash differently, exactly as in venvstacks.
    /// </summary>
    public string LinuxTargetText { get; init; } = LinuxTarget.Default.ToString();

    /// <summary>The <c>macosx_target</c> text as venvstacks records it (declared, else the environment's, else 13.0).</summary>
    public string MacOSTargetText { get; init; } = MacOSTarget.DefaultText;

    /// <summary>Glob patterns of shared libraries not to link into <c>share/venv/dynlib</c>.</summary>
    public ImmutableArray<string> DynlibExclude { get; init; } = [];

    /// <summary>The effective per-package index routing (normalised name → index name), merged with lower layers'.</summary>
    public ImmutableDictionary<string, string> PackageIndexes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Named indexes moved to the front of this layer's index list (not inherited).</summary>
    public ImmutableArray<string> PriorityIndexes { get; init; } = [];

    /// <summary>Where the layer's table starts in the spec, for diagnostics of later stages.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The build name: <c>name</c>, <c>framework-name</c> or <c>app-name</c>.</summary>
    public string BuildName => Kind switch
    {
        LayerKind.Framework => "framework-" + Name,
        LayerKind.Application => "app-" + Name,
        _ => Name,
    };

    /// <summary>The runtime the layer runs on (a runtime is its own runtime).</summary>
    public abstract RuntimeLayerSpec Runtime { get; }

    /// <summary>The frameworks below this layer in C3 linearised order, nearest first.</summary>
    public abstract ImmutableArray<FrameworkLayerSpec> Frameworks { get; }

    /// <summary>Whether the layer is built at all (<c>platforms = []</c> disables it).</summary>
    public bool IsEnabled => !Platforms.IsEmpty;

    /// <summary>The name part of lock file names: the build name with dots replaced (pylock names allow one dot).</summary>
    public string LockFileStem => BuildName.Replace('.', '_');

    /// <summary>Whether the layer targets any Linux platform.</summary>
    public bool TargetsLinux => Platforms.Any(p => p.OperatingSystem == TargetOperatingSystem.Linux);

    /// <summary>Whether the layer targets any macOS platform.</summary>
    public bool TargetsMacOS => Platforms.Any(p => p.OperatingSystem == TargetOperatingSystem.MacOS);

    /// <summary>The deployed folder name for a lock version; versioned layers without a lock show <c>@???</c>.</summary>
    public string InstallTarget(int? lockVersion) =>
        Versioned ? $"{BuildName}@{(lockVersion is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "???")}" : BuildName;

    /// <summary>A short description; records would otherwise print their lower layers recursively.</summary>
    public sealed override string ToString() => $"{Kind} {BuildName}";

    /// <summary>The lower layers in priority order: linearised frameworks, then the runtime (empty for runtimes).</summary>
    public IEnumerable<LayerSpec> Dependencies =>
        Kind == LayerKind.Runtime ? [] : Frameworks.Cast<LayerSpec>().Append(Runtime);
}
