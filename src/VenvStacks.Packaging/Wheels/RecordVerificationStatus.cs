namespace VenvStacks.Packaging.Wheels;

/// <summary>The outcome of checking a file's content against its RECORD row.</summary>
public enum RecordVerificationStatus
{
    /// <summary>Size and hash both match (or the row records a hash and no size, and the hash matches).</summary>
    Valid,

    /// <summary>The row records a size and the content has a different length.</summary>
    SizeMismatch,

    /// <summary>The content's digest differs from the recorded one.</summary>
    HashMismatch,

    /// <summary>The row has no hash (as RECORD's own row and signature files do), so the content cannot be checked.</summary>
    NotHashed,

    /// <summary>The row's hash algorithm is not one this library computes (sha256, sha384, sha512).</summary>
    UnsupportedAlgorithm,
}
