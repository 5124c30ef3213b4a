using System.Security.Cryptography;
using System.Text;
using VenvStacks.Core.SourceTrees;

namespace VenvStacks.Core.Hashing;

/// <summary>
/// venvstacks' content hashes (docs/venvstacks-reference.md §2.7), bit for bit: lock and metadata files written by either
/// tool must agree. All are SHA-256 with a lowercase hex digest.
/// </summary>
public static class ContentHashes
{
    /// <summary>The prefix of every hash but directory hashes.</summary>
    public const string Prefix = "sha256:";

    /// <summary>
    /// One digest over the UTF-8 bytes of every item, concatenated with no separator (as venvstacks does; the lack
    /// of a separator is a known weakness kept for compatibility). Returns <c>sha256:&lt;hex&gt;</c>.
    /// </summary>
    public static string HashStrings(IEnumerable<string> items)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var item in items)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(item));
        }

        return Prefix + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The digest of a file's bytes: <c>sha256:&lt;hex&gt;</c>.</summary>
    public static string HashFileContents(string path) => Prefix + HashFileContentsHex(path);

    /// <summary>The bare hex digest of a file's bytes (archive hashes are written without prefix).</summary>
    public static string HashFileContentsHex(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>A file module's hash: its name, then its prefixed content hash, in one digest.</summary>
    public static string HashFileNameAndContents(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path)));
        hash.AppendData(Encoding.UTF8.GetBytes(HashFileContents(path)));
        return Prefix + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>
    /// A folder's hash: for each folder of a filtered top-down walk its name, then for each file its name and prefixed
    /// content hash. Rendered <c>sha256/&lt;hex&gt;</c> with a slash, a venvstacks quirk kept for compatibility. Entries
    /// the walk skips (pipes, sockets, devices, broken links) are not part of it: venvstacks would open them.
    /// </summary>
    public static string HashDirectory(string path, SourceTreeFilter filter, CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var folder in filter.Walk(path, cancellationToken))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder.Path))));
            foreach (var file in folder.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(Encoding.UTF8.GetBytes(file));
                hash.AppendData(Encoding.UTF8.GetBytes(HashFileContents(Path.Combine(folder.Path, file))));
            }
        }

        return "sha256/" + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>
    /// A launch or support module's hash: file name and contents for a file, the folder hash for a package. Anything
    /// else (a pipe, a device, a broken link; the spec reader rejects those) is an <see cref="IOException"/>, never
    /// opened.
    /// </summary>
    public static string HashModule(string path, SourceTreeFilter filter, CancellationToken cancellationToken = default) =>
        FileSystemEntry.Inspect(path).Kind switch
        {
            FileSystemEntryKind.File or FileSystemEntryKind.LinkToFile => HashFileNameAndContents(path),
            FileSystemEntryKind.Directory or FileSystemEntryKind.LinkToDirectory => HashDirectory(path, filter, cancellationToken),
            var kind => throw new IOException($"Module '{path}' cannot be hashed: it is not a file or folder ({kind})"),
        };
}
