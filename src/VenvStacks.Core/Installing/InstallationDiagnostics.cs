using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging.Installation;

namespace VenvStacks.Core.Installing;

/// <summary>Maps the wheel installer's error kinds to catalogue codes (VSTK3020–VSTK3034).</summary>
public static class InstallationDiagnostics
{
    /// <summary>The catalogue entry for an installer error kind.</summary>
    public static DiagnosticDescriptor DescriptorFor(InstallationErrorKind kind) => kind switch
    {
        InstallationErrorKind.InvalidWheelFile => DiagnosticCodes.WheelUnreadable,
        InstallationErrorKind.WheelHashMismatch => DiagnosticCodes.WheelHashMismatch,
        InstallationErrorKind.UnsupportedWheelVersion => DiagnosticCodes.WheelVersionUnsupported,
        InstallationErrorKind.UnsafeEntryName or InstallationErrorKind.EntryOutsideTarget => DiagnosticCodes.WheelUnsafePath,
        InstallationErrorKind.DuplicateEntry => DiagnosticCodes.WheelDuplicateFile,
        InstallationErrorKind.SymlinkEntry => DiagnosticCodes.WheelSymlink,
        InstallationErrorKind.InvalidDistInfo => DiagnosticCodes.WheelInvalidDistInfo,
        InstallationErrorKind.InvalidDataDirectory => DiagnosticCodes.WheelInvalidDataFolder,
        InstallationErrorKind.InvalidRecord => DiagnosticCodes.WheelInvalidRecord,
        InstallationErrorKind.FileNotInRecord => DiagnosticCodes.WheelFileNotInRecord,
        InstallationErrorKind.RecordMismatch => DiagnosticCodes.WheelRecordMismatch,
        InstallationErrorKind.UnverifiableRecordEntry => DiagnosticCodes.WheelRecordUnverifiable,
        InstallationErrorKind.InstalledRecordInvalid => DiagnosticCodes.InstalledRecordInvalid,
        InstallationErrorKind.RecordPathOutsideEnvironment => DiagnosticCodes.InstalledPathOutsideEnvironment,
        InstallationErrorKind.FileSystemFailure => DiagnosticCodes.InstallFileSystemFailure,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown installation error kind"),
    };

    /// <summary>The error for an installer exception, prefixed with the layer name.</summary>
    public static Diagnostic ErrorFor(string layerName, InstallationException exception, SourceLocation? location)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Diagnostic.Error(DescriptorFor(exception.Kind), $"Layer {layerName}: {exception.Message}", location);
    }
}
