using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Pep503;
using VenvStacks.Packaging.Pep751;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Core.Installing;

/// <summary>The wheel chosen for one locked package on the layer's target platform.</summary>
/// <param name="Name">The project name as the lock writes it.</param>
/// <param name="Version">The locked version.</param>
/// <param name="Wheel">The lock's wheel entry.</param>
/// <param name="File">Where to get it, for <see cref="IndexClient.DownloadAsync(IndexFile, CancellationToken)"/> (verified against the lock's sha256).</param>
public sealed record SelectedWheel(string Name, Version Version, PyLockWheel Wheel, IndexFile File)
{
    /// <summary>The normalised project name.</summary>
    public NormalizedName NormalizedName => NormalizedName.From(Name);

    /// <summary>The wheel's file name.</summary>
    public string FileName => File.FileName;

    /// <summary>The locked sha256 (lower-case hex).</summary>
    public string Sha256 => File.Sha256!;

    /// <summary><c>name==version</c>.</summary>
    public override string ToString() => $"{Name}=={Version}";
}
