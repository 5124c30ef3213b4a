namespace VenvStacks.Packaging.Installation;

/// <summary>Why installing a wheel or uninstalling a distribution was refused or failed.</summary>
public enum InstallationErrorKind
{
    /// <summary>The wheel file cannot be read: its name is not a wheel file name, or it is not a readable zip archive.</summary>
    InvalidWheelFile,

    /// <summary>The wheel file's sha256 differs from the one expected (from the lock).</summary>
    WheelHashMismatch,

    /// <summary>The WHEEL file declares a <c>Wheel-Version</c> whose major version this installer does not support.</summary>
    UnsupportedWheelVersion,

    /// <summary>An archive entry name is unsafe: absolute, with a drive letter or colon, with <c>..</c>, <c>.</c> or
    /// empty segments, with a backslash or a control character.</summary>
    UnsafeEntryName,

    /// <summary>An archive entry would be written outside (or onto) the scheme folder it maps to.</summary>
    EntryOutsideTarget,

    /// <summary>Two archive entries have the same name.</summary>
    DuplicateEntry,

    /// <summary>An archive entry is a symbolic link.</summary>
    SymlinkEntry,

    /// <summary>The <c>.dist-info</c> folder is missing, repeated, named for another project or version, or its
    /// WHEEL or METADATA file is missing or invalid.</summary>
    InvalidDistInfo,

    /// <summary>An entry of the <c>.data</c> folder is not under one of <c>purelib</c>, <c>platlib</c>,
    /// <c>scripts</c>, <c>headers</c> or <c>data</c>.</summary>
    InvalidDataDirectory,

    /// <summary>The wheel's RECORD is missing or cannot be parsed.</summary>
    InvalidRecord,

    /// <summary>A file of the wheel is not listed in its RECORD.</summary>
    FileNotInRecord,

    /// <summary>A file's content differs from the hash or size its RECORD row gives.</summary>
    RecordMismatch,

    /// <summary>A RECORD row of a file has no hash, or a hash algorithm other than sha256, sha384 or sha512.</summary>
    UnverifiableRecordEntry,

    /// <summary>An installed distribution's RECORD is missing or cannot be parsed, so it cannot be uninstalled.</summary>
    InstalledRecordInvalid,

    /// <summary>An installed distribution's RECORD names a path outside the environment.</summary>
    RecordPathOutsideEnvironment,

    /// <summary>Reading, writing or deleting a file failed (permissions, disk full, a folder in the way).</summary>
    FileSystemFailure,
}
