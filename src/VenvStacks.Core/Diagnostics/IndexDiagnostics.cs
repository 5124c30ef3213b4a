using VenvStacks.Packaging.Index;

namespace VenvStacks.Core.Diagnostics;

/// <summary>
/// The catalogue entry for each way index access can fail. The index client reports kinds
/// (<see cref="IndexErrorCode"/>); which number a user sees is this product's decision, so it is made here.
/// </summary>
public static class IndexDiagnostics
{
    /// <summary>The descriptor reported for <paramref name="code"/>.</summary>
    public static DiagnosticDescriptor For(IndexErrorCode code) => code switch
    {
        IndexErrorCode.HttpStatus => DiagnosticCodes.IndexHttpStatus,
        IndexErrorCode.Unauthorized => DiagnosticCodes.IndexUnauthorized,
        IndexErrorCode.TransientFailure => DiagnosticCodes.IndexTransientFailure,
        IndexErrorCode.HashMismatch => DiagnosticCodes.IndexHashMismatch,
        IndexErrorCode.OfflineCacheMiss => DiagnosticCodes.IndexOfflineCacheMiss,
        IndexErrorCode.InvalidIndexResponse => DiagnosticCodes.IndexInvalidIndexResponse,
        IndexErrorCode.InvalidDistribution => DiagnosticCodes.IndexInvalidDistribution,
        IndexErrorCode.FindLinksUnavailable => DiagnosticCodes.IndexFindLinksUnavailable,
        IndexErrorCode.UnknownIndex => DiagnosticCodes.IndexUnknownIndex,
        IndexErrorCode.CacheFailure => DiagnosticCodes.IndexCacheFailure,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "An index error kind without a catalogue entry."),
    };
}
