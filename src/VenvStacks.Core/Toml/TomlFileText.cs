using System.Buffers;
using System.Text;
using System.Text.Unicode;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Core.Toml;

/// <summary>
/// Turns the bytes of a TOML file into text, or into one VSTK1032 error when they are not text. TOML is UTF-8 (a
/// byte order mark is dropped); UTF-16 and UTF-32 files are read too when a byte order mark says so, as editors on
/// Windows write them. A NUL character or bytes that do not decode mean a binary file (or the wrong file): reading
/// stops at the first such byte instead of reporting every line of it as invalid TOML.
/// </summary>
internal static class TomlFileText
{
    private static readonly (byte[] Mark, Encoding Encoding)[] MarkedEncodings =
    [
        ([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)),
        ([0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true)),
        ([0xEF, 0xBB, 0xBF], new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)),
    ];

    /// <summary>The text of <paramref name="bytes"/>, or null after adding a VSTK1032 error about <paramref name="path"/>.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string path, DiagnosticBag diagnostics)
    {
        foreach (var (mark, encoding) in MarkedEncodings)
        {
            if (bytes.StartsWith(mark))
            {
                return DecodeMarked(bytes[mark.Length..], encoding, path, diagnostics);
            }
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        var decoded = chars.AsSpan(0, charsWritten);
        var nul = decoded.IndexOf('\0');
        if (nul >= 0)
        {
            Report(path, new string(decoded), nul, "a NUL character", diagnostics);
            return null;
        }

        if (status != OperationStatus.Done)
        {
            Report(path, new string(decoded), charsWritten, $"a byte that is not UTF-8 (0x{bytes[bytesRead]:X2})", diagnostics);
            return null;
        }

        return new string(decoded);
    }

    private static string? DecodeMarked(ReadOnlySpan<byte> bytes, Encoding encoding, string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            // The exception's index is relative to a decoder buffer, so only the encoding is named.
            diagnostics.Error(
                DiagnosticCodes.NotText,
                $"'{path}' starts with a {encoding.EncodingName} byte order mark but is not valid {encoding.WebName} ({ex.Message}); save it as UTF-8",
                new SourceLocation(path, 1, 1, 1, 1));
            return null;
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            Report(path, text, nul, "a NUL character", diagnostics);
            return null;
        }

        return text;
    }

    private static void Report(string path, string text, int offset, string what, DiagnosticBag diagnostics)
    {
        var (line, column) = TextLocation.LineAndColumn(text, offset);
        diagnostics.Error(
            DiagnosticCodes.NotText,
            $"'{path}' is not a text file: it has {what} at line {line}, column {column}. A stack spec is TOML, which is UTF-8 text; is this the right file?",
            new SourceLocation(path, line, column, line, column));
    }
}
