using System.Security.Cryptography;

namespace VenvStacks.Packaging.Wheels;

/// <summary>
/// The hash column of a RECORD row, <c>algorithm=digest</c>, where the digest is the URL-safe base64 encoding of
/// the raw hash without <c>=</c> padding (e.g. <c>sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU</c>).
/// </summary>
/// <param name="Algorithm">The hashlib algorithm name, e.g. <c>sha256</c>.</param>
/// <param name="Digest">The encoded digest as written.</param>
public sealed record RecordHash(string Algorithm, string Digest)
{
    /// <summary>The algorithm wheel tools write by default.</summary>
    public const string DefaultAlgorithm = "sha256";

    /// <summary>True when this library can compute <see cref="Algorithm"/> (sha256, sha384 or sha512). The wheel
    /// specification forbids md5 and sha1.</summary>
    public bool IsSupportedAlgorithm => TryGetAlgorithm(Algorithm, out _);

    /// <summary>Parses <c>algorithm=digest</c>.</summary>
    /// <returns>False when there is no <c>=</c> or either side is empty.</returns>
    public static bool TryParse(string? text, out RecordHash? hash)
    {
        hash = null;
        var separator = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (separator <= 0 || separator == text!.Length - 1)
        {
            return false;
        }

        hash = new RecordHash(text[..separator], text[(separator + 1)..]);
        return true;
    }

    /// <summary>Hashes <paramref name="content"/> with <paramref name="algorithm"/>.</summary>
    /// <exception cref="NotSupportedException">The algorithm is not sha256, sha384 or sha512.</exception>
    public static RecordHash Compute(ReadOnlySpan<byte> content, string algorithm = DefaultAlgorithm)
    {
        using var hasher = CreateHasher(algorithm);
        hasher.AppendData(content);
        return FromRawDigest(algorithm, hasher.GetHashAndReset());
    }

    /// <summary>Encodes a raw digest the way RECORD stores it.</summary>
    public static RecordHash FromRawDigest(string algorithm, ReadOnlySpan<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        var encoded = Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new RecordHash(algorithm, encoded);
    }

    /// <summary>True when <paramref name="rawDigest"/> is the digest this value encodes. Padded and unpadded
    /// encodings are both accepted.</summary>
    public bool Matches(ReadOnlySpan<byte> rawDigest)
    {
        // Only the URL-safe alphabet is valid in RECORD.
        if (Digest.AsSpan().IndexOfAny("+/") >= 0)
        {
            return false;
        }

        var standard = Digest.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var decoded = new byte[standard.Length / 4 * 3];
        return Convert.TryFromBase64String(standard, decoded, out var written)
            && written == rawDigest.Length
            && CryptographicOperations.FixedTimeEquals(decoded.AsSpan(0, written), rawDigest);
    }

    /// <summary>The RECORD column text, <c>algorithm=digest</c>.</summary>
    public override string ToString() => $"{Algorithm}={Digest}";

    /// <summary>An incremental hasher for a supported algorithm.</summary>
    /// <exception cref="NotSupportedException">The algorithm is not sha256, sha384 or sha512.</exception>
    internal static IncrementalHash CreateHasher(string algorithm) =>
        TryGetAlgorithm(algorithm, out var name)
            ? IncrementalHash.CreateHash(name)
            : throw new NotSupportedException($"Hash algorithm '{algorithm}' is not supported in RECORD files (use sha256, sha384 or sha512)");

    private static bool TryGetAlgorithm(string algorithm, out HashAlgorithmName name)
    {
        name = algorithm.ToLowerInvariant() switch
        {
            "sha256" => HashAlgorithmName.SHA256,
            "sha384" => HashAlgorithmName.SHA384,
            "sha512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        return name != default;
    }
}
