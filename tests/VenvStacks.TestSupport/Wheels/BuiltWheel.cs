using System.Security.Cryptography;

namespace VenvStacks.TestSupport.Wheels;

/// <summary>A wheel written by <see cref="WheelBuilder"/>.</summary>
/// <param name="FileName">The wheel file name.</param>
/// <param name="Name">The project name as written in <c>METADATA</c>.</param>
/// <param name="Version">The version.</param>
/// <param name="Content">The wheel (zip) bytes.</param>
/// <param name="Metadata">The bytes of <c>.dist-info/METADATA</c> (what a PEP 658 metadata file serves).</param>
/// <param name="Sha256">Lower-case hex sha256 of <see cref="Content"/>.</param>
public sealed record BuiltWheel(string FileName, string Name, string Version, byte[] Content, byte[] Metadata, string Sha256)
{
    /// <summary>Lower-case hex sha256 of <see cref="Metadata"/>.</summary>
    public string MetadataSha256 => Convert.ToHexStringLower(SHA256.HashData(Metadata));

    /// <summary>Writes the wheel into <paramref name="folder"/> (created if needed).</summary>
    /// <returns>The full path of the written file.</returns>
    public string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllBytes(path, Content);
        return path;
    }
}
