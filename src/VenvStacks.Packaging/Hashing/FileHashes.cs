using System.Collections.Immutable;

namespace VenvStacks.Packaging.Hashing;

/// <summary>Hash values as indexes publish them: algorithm name (lower case) → hex digest (lower case).</summary>
internal static class FileHashes
{
    /// <summary>Algorithms whose digests are checked when they are the only ones offered (strongest first).</summary>
    public static readonly string[] Verifiable = ["sha256", "sha512", "sha384"];

    /// <summary>Keeps entries whose name looks like an algorithm and whose value is hex of a plausible length; lower-cases
    /// both. Anything else is dropped: an index-supplied value must never reach a cache path unchecked.</summary>
    public static ImmutableDictionary<string, string> Clean(IEnumerable<KeyValuePair<string, string>> hashes)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (algorithm, value) in hashes)
        {
            var name = algorithm.Trim().ToLowerInvariant();
            var digest = value.Trim().ToLowerInvariant();
            if (name.Length is > 0 and <= 32 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') &&
                IsHex(digest) && digest.Length is >= 32 and <= 128 && (name != "sha256" || digest.Length == 64))
            {
                builder.TryAdd(name, digest);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Whether the text is a lower-case 64-character hex sha256 digest.</summary>
    public static bool IsSha256(string? value) => value is { Length: 64 } && IsHex(value);

    private static bool IsHex(string value) => value.Length > 0 && value.All(char.IsAsciiHexDigitLower);
}
