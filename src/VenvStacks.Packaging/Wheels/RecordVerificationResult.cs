namespace VenvStacks.Packaging.Wheels;

/// <summary>The result of <see cref="RecordEntry.Verify(ReadOnlySpan{byte})"/>: the outcome and what was measured.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="ActualSize">The content's length in bytes.</param>
/// <param name="ActualHash">The content's hash with the row's algorithm; null when the row has no hash or an
/// unsupported algorithm.</param>
public sealed record RecordVerificationResult(RecordVerificationStatus Status, long ActualSize, RecordHash? ActualHash)
{
    /// <summary>True when <see cref="Status"/> is <see cref="RecordVerificationStatus.Valid"/>.</summary>
    public bool IsValid => Status == RecordVerificationStatus.Valid;
}
