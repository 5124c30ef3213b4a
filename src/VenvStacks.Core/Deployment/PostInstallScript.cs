using System.Security.Cryptography;
using System.Text;
using VenvStacks.Packaging.IO;

namespace VenvStacks.Core.Deployment;

/// <summary>
/// Our <c>postinstall.py</c> (this folder, embedded in the assembly), which export and publish put at the top of every
/// deployed layer. It keeps venvstacks 0.8's post-install contract (docs/venvstacks-reference.md §4.6) and also
/// regenerates console scripts; the file's docstring describes it.
/// </summary>
public static class PostInstallScript
{
    /// <summary>The file name at the top of a deployed layer.</summary>
    public const string FileName = "postinstall.py";

    private const string ResourceName = "VenvStacks.Core.Deployment.postinstall.py";

    private static readonly Lazy<byte[]> Content = new(Load);

    private static readonly Lazy<string> Hash = new(() => "sha256:" + Convert.ToHexString(SHA256.HashData(Content.Value)).ToLowerInvariant());

    /// <summary>The script's bytes: UTF-8 with LF line endings, whatever the checkout did to the source file.</summary>
    public static ReadOnlyMemory<byte> Bytes => Content.Value;

    /// <summary><c>sha256:&lt;hex&gt;</c> of <see cref="Bytes"/>; part of the export state, so a new script re-exports.</summary>
    public static string Sha256 => Hash.Value;

    /// <summary>
    /// Writes the script to <paramref name="path"/> through a temporary file renamed into place, so an existing file
    /// there (possibly a hard link shared with a build tree) is replaced, never written through.
    /// </summary>
    public static Task WriteToAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return AtomicFile.WriteAsync(path, Content.Value, cancellationToken);
    }

    private static byte[] Load()
    {
        using var stream = typeof(PostInstallScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(PostInstallScript).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return Encoding.UTF8.GetBytes(reader.ReadToEnd().ReplaceLineEndings("\n"));
    }
}
