using System.Buffers;
using System.Globalization;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Installation;

/// <summary>
/// Checks every planned file's content against its RECORD row (hash and, when given, size), reading the archive
/// without writing anything. Reading stops as soon as a file is longer than its recorded size; an entry's stream ends
/// at the size the archive declares, so a forged entry cannot make the check decompress without end either.
/// </summary>
internal static class RecordVerifier
{
    private const int BufferSize = 1 << 16;

    /// <returns>The verified length of each file, in plan order.</returns>
    /// <exception cref="InstallationException">A file differs from its row, or cannot be decompressed.</exception>
    public static long[] Verify(WheelPlan plan, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var lengths = new long[plan.Files.Count];
            for (var i = 0; i < lengths.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                lengths[i] = Verify(plan.Subject, plan.Files[i], buffer);
            }

            return lengths;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static long Verify(string subject, PlannedFile file, byte[] buffer)
    {
        var row = file.Row;
        var name = file.Entry.FullName;
        using var hasher = RecordHash.CreateHasher(row.Hash!.Algorithm);
        long length = 0;
        try
        {
            using var content = file.Entry.Open();
            int read;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                length += read;
                if (row.Size is { } limit && length > limit)
                {
                    throw SizeMismatch(subject, name, row, "more");
                }

                hasher.AppendData(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw InstallationException.ForEntry(InstallationErrorKind.InvalidWheelFile, subject, name, $"cannot be decompressed: {e.Message}", e);
        }

        if (row.Size is { } expected && length != expected)
        {
            throw SizeMismatch(subject, name, row, length.ToString(CultureInfo.InvariantCulture));
        }

        var digest = hasher.GetHashAndReset();
        if (!row.Hash.Matches(digest))
        {
            throw InstallationException.ForEntry(
                InstallationErrorKind.RecordMismatch,
                subject,
                name,
                $"does not match its RECORD hash (RECORD {row.Hash}, content {RecordHash.FromRawDigest(row.Hash.Algorithm, digest)})");
        }

        return length;
    }

    private static InstallationException SizeMismatch(string subject, string name, RecordEntry row, string actual) =>
        InstallationException.ForEntry(
            InstallationErrorKind.RecordMismatch, subject, name, $"does not match its RECORD size ({row.Size} bytes in RECORD, {actual} in the archive)");
}
