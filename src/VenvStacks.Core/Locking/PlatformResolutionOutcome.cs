using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Locking;

/// <summary>The answer of an <see cref="IPlatformResolver"/> for one platform.</summary>
public abstract record PlatformResolutionOutcome;

/// <summary>A solution: every package to install on the platform.</summary>
public sealed record PlatformResolved(IReadOnlyList<ResolvedDistribution> Packages) : PlatformResolutionOutcome;

/// <summary>No solution on the platform.</summary>
/// <param name="Explanation">Why, in words a user can act on (conflicting requirement chains).</param>
/// <param name="PackagesWithoutWheels">Packages that failed only because no version has a wheel for this platform.</param>
public sealed record PlatformUnsatisfiable(string Explanation, IReadOnlyList<string> PackagesWithoutWheels) : PlatformResolutionOutcome;

/// <summary>A resolved package and the wheels of that version a lock should list.</summary>
/// <param name="Name">The normalised project name.</param>
/// <param name="Version">The chosen version.</param>
/// <param name="Index">The credential-free URL of the index it came from, or null for local wheel folders.</param>
/// <param name="Wheels">The version's wheels for the runtime's Python (all platforms, as uv lists them).</param>
public sealed record ResolvedDistribution(string Name, Version Version, string? Index, IReadOnlyList<LockWheelFile> Wheels);

/// <summary>One wheel as a lock records it.</summary>
/// <param name="FileName">The wheel file name.</param>
/// <param name="Url">The credential-free download URL, or null for a local file.</param>
/// <param name="LocalPath">The absolute path of a local wheel, or null.</param>
/// <param name="Size">The size in bytes, when known.</param>
/// <param name="UploadTime">The upload time (PEP 700), when the index reports one.</param>
/// <param name="Sha256">The SHA-256 hex digest.</param>
public sealed record LockWheelFile(string FileName, string? Url, string? LocalPath, long? Size, DateTimeOffset? UploadTime, string Sha256);
