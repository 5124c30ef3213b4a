using System.Buffers;

namespace VenvStacks.Packaging.Wheels;

/// <summary>One row of a RECORD file: a path relative to the site-packages root (always with <c>/</c>), its hash and
/// its size. RECORD's own row, and files whose content is not recorded, have neither hash nor size.</summary>
/// <param name="Path">The file path as written, <c>/</c>-separated.</param>
/// <param name="Hash">The recorded hash, or null for an empty hash column.</param>
/// <param name="Size">The recorded size in bytes, or null for an empty size column.</param>
public sealed record RecordEntry(string Path, RecordHash? Hash, long? Size)
{
    /// <summary>The row for a file with the given content: sha256 hash and size.</summary>
    public static RecordEntry ForContent(string path, ReadOnlySpan<byte> content) =>
        new(path, RecordHash.Compute(content), content.Length);

    /// <summary>The row for a file whose content is read from <paramref name="content"/> to its end.</summary>
    public static async Task<RecordEntry> ForContentAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        var (digest, size) = await HashAsync(content, RecordHash.DefaultAlgorithm, cancellationToken).ConfigureAwait(false);
        return new RecordEntry(path, RecordHash.FromRawDigest(RecordHash.DefaultAlgorithm, digest), size);
    }

    /// <summary>Checks <paramref name="content"/> against this row's size and hash.</summary>
    public RecordVerificationResult Verify(ReadOnlySpan<byte> content)
    {
        if (Hash is null || !Hash.IsSupportedAlgorithm)
        {
            return Unchecked(content.Length);
        }

        using var hasher = RecordHash.CreateHasher(Hash.Algorithm);
        hasher.AppendData(content);
        return Compare(hasher.GetHashAndReset(), content.Length);
    }

    /// <summary>Checks the content read from <paramref name="content"/> (to its end) against this row's size and hash.</summary>
    public async Task<RecordVerificationResult> VerifyAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Hash is null || !Hash.IsSupportedAlgorithm)
        {
            var length = await CountAsync(content, cancellationToken).ConfigureAwait(false);
            return Unchecked(length);
        }

        var (digest, size) = await HashAsync(content, Hash.Algorithm, cancellationToken).ConfigureAwait(false);
        return Compare(digest, size);
    }

    /// <summary>The three RECORD columns.</summary>
    internal string[] ToColumns() =>
        [Path, Hash?.ToString() ?? string.Empty, Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty];

    private RecordVerificationResult Unchecked(long size)
    {
        var status = Hash is null ? RecordVerificationStatus.NotHashed : RecordVerificationStatus.UnsupportedAlgorithm;
        return new RecordVerificationResult(Size is { } expected && expected != size ? RecordVerificationStatus.SizeMismatch : status, size, null);
    }

    // Only called once Hash is known to be present and supported.
    private RecordVerificationResult Compare(byte[] digest, long size)
    {
        var recorded = Hash!;
        var status = Size is { } expected && expected != size
            ? RecordVerificationStatus.SizeMismatch
            : recorded.Matches(digest) ? RecordVerificationStatus.Valid : RecordVerificationStatus.HashMismatch;
        return new RecordVerificationResult(status, size, RecordHash.FromRawDigest(recorded.Algorithm, digest));
    }

    private static async Task<(byte[] Digest, long Size)> HashAsync(Stream content, string algorithm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hasher = RecordHash.CreateHasher(algorithm);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hasher.AppendData(buffer, 0, read);
                size += read;
            }

            return (hasher.GetHashAndReset(), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<long> CountAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
            }

            return size;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
