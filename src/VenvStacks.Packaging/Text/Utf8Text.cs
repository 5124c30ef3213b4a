using System.Buffers;
using System.Text;

namespace VenvStacks.Packaging.Text;

/// <summary>Strict UTF-8 decoding whose failures are reported as <see cref="PackagingFormatException"/>.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>, dropping a leading byte order mark.</summary>
    /// <exception cref="PackagingFormatException">The bytes are not valid UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string documentKind)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var invalidAt = FirstInvalidByte(bytes);
        if (invalidAt < 0)
        {
            return Strict.GetString(bytes);
        }

        // Report against the lossy text so the position points at the replacement character.
        var before = Encoding.UTF8.GetString(bytes[..invalidAt]);
        var lossy = Encoding.UTF8.GetString(bytes);
        throw TextLocation.Error($"{documentKind} is not valid UTF-8 (invalid byte at offset {invalidAt})", lossy, before.Length, 1);
    }

    /// <summary>Reads a whole stream and decodes it like <see cref="Decode"/>.</summary>
    public static async Task<string> ReadAsync(Stream stream, string documentKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentKind);
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
