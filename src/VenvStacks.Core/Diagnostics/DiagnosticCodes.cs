namespace VenvStacks.Core.Diagnostics;

/// <summary>
/// The catalogue of diagnostic codes. Codes never change meaning once released; docs/errors.md has one entry per code
/// (a test keeps the two in step). Ranges: 1xxx stack spec, 2xxx locking, 3xxx building, 4xxx publishing and export,
/// 5xxx MSBuild integration, 9xxx internal.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The spec file does not exist or cannot be read.</summary>
    public static readonly DiagnosticDescriptor SpecNotFound = new("VSTK1000", "Stack spec file not found or unreadable");

    /// <summary>The spec is not valid TOML.</summary>
    public static readonly DiagnosticDescriptor TomlSyntax = new("VSTK1001", "Invalid TOML");

    /// <summary>A key that no venvstacks spec defines.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new("VSTK1002", "Unknown key");

    /// <summary>A value of the wrong TOML type.</summary>
    public static readonly DiagnosticDescriptor WrongType = new("VSTK1003", "Value has the wrong type");

    /// <summary>A required key is missing.</summary>
    public static readonly DiagnosticDescriptor MissingKey = new("VSTK1004", "Required key missing");

    /// <summary>A requirement is not valid PEP 508.</summary>
    public static readonly DiagnosticDescriptor InvalidRequirement = new("VSTK1005", "Invalid requirement syntax");

    /// <summary>Two layers of one kind share a name.</summary>
    public static readonly DiagnosticDescriptor DuplicateLayerName = new("VSTK1006", "Duplicate layer name");

    /// <summary>A runtime name starts with <c>framework-</c> or <c>app-</c>.</summary>
    public static readonly DiagnosticDescriptor ReservedPrefix = new("VSTK1007", "Layer name uses a reserved prefix");

    /// <summary>An unknown target platform name.</summary>
    public static readonly DiagnosticDescriptor InvalidPlatform = new("VSTK1008", "Invalid target platform");

    /// <summary>A layer targets a platform a lower layer does not.</summary>
    public static readonly DiagnosticDescriptor UnsupportedPlatform = new("VSTK1009", "Target platform not supported by lower layers");

    /// <summary>A malformed <c>linux_target</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidLinuxTarget = new("VSTK1010", "Invalid linux_target");

    /// <summary>A malformed <c>macosx_target</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidMacOSTarget = new("VSTK1011", "Invalid macosx_target");

    /// <summary>A malformed or unsupported <c>python_implementation</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidPythonImplementation = new("VSTK1012", "Invalid python_implementation");

    /// <summary>A layer gives both or neither of <c>runtime</c> and <c>frameworks</c>.</summary>
    public static readonly DiagnosticDescriptor RuntimeOrFrameworks = new("VSTK1013", "Layer needs a runtime or frameworks, not both");

    /// <summary>A reference to a runtime that is not defined.</summary>
    public static readonly DiagnosticDescriptor UnknownRuntime = new("VSTK1014", "Unknown runtime");

    /// <summary>A reference to a framework that is not defined earlier in the file.</summary>
    public static readonly DiagnosticDescriptor UnknownFramework = new("VSTK1015", "Unknown framework");

    /// <summary>The frameworks a layer depends on use different runtimes.</summary>
    public static readonly DiagnosticDescriptor InconsistentRuntimes = new("VSTK1016", "Frameworks use different runtimes");

    /// <summary>The C3 linearisation of a layer's frameworks fails.</summary>
    public static readonly DiagnosticDescriptor LinearizationFailed = new("VSTK1017", "Framework dependency linearization failed");

    /// <summary>A reference to a package index that is not defined (or has no name).</summary>
    public static readonly DiagnosticDescriptor UnknownPackageIndex = new("VSTK1018", "Unknown package index");

    /// <summary>Two entries of one table name the same package once names are normalised.</summary>
    public static readonly DiagnosticDescriptor DuplicatePackageSource = new("VSTK1019", "Multiple sources for one package");

    /// <summary>Lower layers route one package to different indexes.</summary>
    public static readonly DiagnosticDescriptor InconsistentDependencyIndexes = new("VSTK1020", "Lower layers use inconsistent package indexes");

    /// <summary>A layer routes a package to another index than its lower layers, without declaring the override.</summary>
    public static readonly DiagnosticDescriptor InconsistentIndexOverride = new("VSTK1021", "Inconsistent package index override");

    /// <summary>A support module has the launch module's import name.</summary>
    public static readonly DiagnosticDescriptor LaunchSupportConflict = new("VSTK1022", "Launch module conflicts with a support module");

    /// <summary>Two support modules share an import name.</summary>
    public static readonly DiagnosticDescriptor SupportModulesConflict = new("VSTK1023", "Conflicting support module names");

    /// <summary>The launch module path does not exist.</summary>
    public static readonly DiagnosticDescriptor MissingLaunchModule = new("VSTK1024", "Launch module does not exist");

    /// <summary>A support module path does not exist.</summary>
    public static readonly DiagnosticDescriptor MissingSupportModule = new("VSTK1025", "Support module does not exist");

    /// <summary>A deprecated field was converted or dropped.</summary>
    public static readonly DiagnosticDescriptor LegacyField = new("VSTK1026", "Legacy field");

    /// <summary>A layer sets a field and its obsolete spelling.</summary>
    public static readonly DiagnosticDescriptor LegacyFieldConflict = new("VSTK1027", "Field and its obsolete spelling both set");

    /// <summary>Invalid <c>[tool.uv]</c> settings (index entries, sources, exclude-newer).</summary>
    public static readonly DiagnosticDescriptor InvalidToolConfig = new("VSTK1028", "Invalid uv tool configuration");

    /// <summary>A top-level key that venvstacks ignores.</summary>
    public static readonly DiagnosticDescriptor IgnoredTopLevelKey = new("VSTK1029", "Top-level key is ignored");

    /// <summary>A layer name that cannot work as a folder or archive name.</summary>
    public static readonly DiagnosticDescriptor InvalidLayerName = new("VSTK1030", "Invalid layer name");

    /// <summary>A file had more diagnostics than are shown; this one counts the rest.</summary>
    public static readonly DiagnosticDescriptor TooManyDiagnostics = new("VSTK1031", "Too many problems in one file");

    /// <summary>The spec (or <c>venvstacks.uv.toml</c>) is not UTF-8 text: a binary file or another encoding.</summary>
    public static readonly DiagnosticDescriptor NotText = new("VSTK1032", "File is not text");

    /// <summary>A package index <c>url</c> that is not a usable URL or folder path.</summary>
    public static readonly DiagnosticDescriptor InvalidIndexUrl = new("VSTK1033", "Invalid package index URL");
    /// <summary>A launch module that is not a <c>.py</c> file or a package folder, or a support module that is not a file or folder.</summary>
    public static readonly DiagnosticDescriptor ModuleNotSource = new("VSTK1050", "Module is not a Python file or package folder");

    /// <summary>A launch or support module that is the spec's folder, holds it, or lies in its lock folder.</summary>
    public static readonly DiagnosticDescriptor ModuleOverlapsStack = new("VSTK1051", "Module overlaps the spec folder or its lock files");

    /// <summary>A launch or support module that is, or holds, a symbolic link whose target is missing or loops.</summary>
    public static readonly DiagnosticDescriptor ModuleBrokenLink = new("VSTK1052", "Module holds a broken symbolic link");

    /// <summary>A launch or support module beyond the size bounds.</summary>
    public static readonly DiagnosticDescriptor ModuleTooLarge = new("VSTK1053", "Module is too large");

    /// <summary>A launch or support module folder that cannot be listed.</summary>
    public static readonly DiagnosticDescriptor ModuleUnreadable = new("VSTK1054", "Module cannot be read");

    /// <summary>A layer's lock is missing or stale and the lock mode forbids locking.</summary>
    public static readonly DiagnosticDescriptor LockOutOfDate = new("VSTK2001", "Lock is out of date");

    /// <summary>A layer's requirements have no solution on a target platform.</summary>
    public static readonly DiagnosticDescriptor LockFailed = new("VSTK2002", "Failed to lock layer");

    /// <summary>Some packages have no wheels for some of the layer's target platforms.</summary>
    public static readonly DiagnosticDescriptor MissingWheels = new("VSTK2003", "No wheels for a target platform");

    /// <summary>A layer cannot be locked because a layer below it has no usable lock.</summary>
    public static readonly DiagnosticDescriptor UnlockedDependency = new("VSTK2004", "Lower layer is not locked");

    /// <summary>A local wheel cannot be recorded relative to the lock folder.</summary>
    public static readonly DiagnosticDescriptor LocalWheelPath = new("VSTK2005", "Local wheel path cannot be made relative");

    /// <summary>A lock file on disk cannot be read.</summary>
    public static readonly DiagnosticDescriptor UnreadableLock = new("VSTK2006", "Lock file cannot be read");

    /// <summary>A package index or file host answered with a permanent HTTP error.</summary>
    public static readonly DiagnosticDescriptor IndexHttpStatus = new("VSTK2101", "Package index request failed");

    /// <summary>A package index answered 401 or 403.</summary>
    public static readonly DiagnosticDescriptor IndexUnauthorized = new("VSTK2102", "Package index refused the credentials");

    /// <summary>Connection errors, time-outs or 5xx/429 answers persisted through every retry.</summary>
    public static readonly DiagnosticDescriptor IndexTransientFailure = new("VSTK2103", "Package index unreachable");

    /// <summary>A downloaded file or metadata file differs from the hash the index or lock advertises.</summary>
    public static readonly DiagnosticDescriptor IndexHashMismatch = new("VSTK2104", "Downloaded file does not match its hash");

    /// <summary>Offline mode and the page or file is not cached.</summary>
    public static readonly DiagnosticDescriptor IndexOfflineCacheMiss = new("VSTK2105", "Not in the offline cache");

    /// <summary>A page that is not valid PEP 691 JSON / PEP 503 HTML, or an unsupported API version.</summary>
    public static readonly DiagnosticDescriptor IndexInvalidIndexResponse = new("VSTK2106", "Invalid package index response");

    /// <summary>A wheel or metadata file that cannot be used.</summary>
    public static readonly DiagnosticDescriptor IndexInvalidDistribution = new("VSTK2107", "Invalid distribution");

    /// <summary>A find-links folder or flat index location is missing or unreadable.</summary>
    public static readonly DiagnosticDescriptor IndexFindLinksUnavailable = new("VSTK2108", "Local wheel location unavailable");

    /// <summary>Index routing names an index that is not defined.</summary>
    public static readonly DiagnosticDescriptor IndexUnknownIndex = new("VSTK2109", "Unknown package index");

    /// <summary>The download cache cannot be read or written.</summary>
    public static readonly DiagnosticDescriptor IndexCacheFailure = new("VSTK2110", "Cache failure");

    /// <summary>A runtime's implementation has no python-build-standalone builds (only CPython has).</summary>
    public static readonly DiagnosticDescriptor RuntimeImplementationUnsupported = new("VSTK3001", "Runtime implementation not available");

    /// <summary>A runtime's exact Python version is in no runtime download table.</summary>
    public static readonly DiagnosticDescriptor RuntimeVersionNotFound = new("VSTK3002", "Python version not in the runtime table");

    /// <summary>The runtime tables have the version, but no archive of it for the target platform.</summary>
    public static readonly DiagnosticDescriptor RuntimePlatformNotFound = new("VSTK3003", "No runtime archive for the target platform");

    /// <summary>The runtime table entry has no sha256, so its archive cannot be verified and is not used.</summary>
    public static readonly DiagnosticDescriptor RuntimeChecksumMissing = new("VSTK3004", "Runtime archive has no sha256");

    /// <summary><c>VenvStacksPythonDownloads</c> names a file or URL that cannot be read.</summary>
    public static readonly DiagnosticDescriptor RuntimeTableUnavailable = new("VSTK3005", "Runtime download table cannot be read");

    /// <summary>A runtime download table is not valid JSON or not in the <c>python-build-standalone/v1</c> format.</summary>
    public static readonly DiagnosticDescriptor RuntimeTableInvalid = new("VSTK3006", "Invalid runtime download table");

    /// <summary><c>VenvStacksPythonMirror</c> is neither an http(s) or file URL nor an existing folder.</summary>
    public static readonly DiagnosticDescriptor RuntimeMirrorInvalid = new("VSTK3007", "Invalid runtime mirror");

    /// <summary>A runtime archive could not be downloaded or read (HTTP error, unreachable host, refused credentials, missing file).</summary>
    public static readonly DiagnosticDescriptor RuntimeDownloadFailed = new("VSTK3008", "Runtime archive download failed");

    /// <summary>A runtime archive differs from the sha256 its table gives; nothing was cached or extracted.</summary>
    public static readonly DiagnosticDescriptor RuntimeHashMismatch = new("VSTK3009", "Runtime archive does not match its sha256");

    /// <summary>Offline, and the runtime is neither extracted in the cache nor downloaded.</summary>
    public static readonly DiagnosticDescriptor RuntimeOfflineUnavailable = new("VSTK3010", "Runtime not available offline");

    /// <summary>Another build held the runtime cache lock for longer than the wait allows.</summary>
    public static readonly DiagnosticDescriptor RuntimeCacheLocked = new("VSTK3011", "Runtime cache locked for too long");

    /// <summary>The runtime cache folder cannot be created, written or cleaned.</summary>
    public static readonly DiagnosticDescriptor RuntimeCacheFailure = new("VSTK3012", "Runtime cache cannot be written");

    /// <summary>An extracted runtime archive has no interpreter where python-build-standalone puts it.</summary>
    public static readonly DiagnosticDescriptor RuntimeInterpreterMissing = new("VSTK3013", "Runtime archive has no interpreter");

    /// <summary>The RECORD of pip, setuptools or wheel in a runtime is unreadable or names a path outside the runtime.</summary>
    public static readonly DiagnosticDescriptor RuntimeRecordInvalid = new("VSTK3014", "Bundled installer RECORD cannot be used");

    /// <summary>The machine building is not one of the six venvstacks target platforms.</summary>
    public static readonly DiagnosticDescriptor HostPlatformUnsupported = new("VSTK3015", "Host is not a supported target platform");

    /// <summary>The cached runtime could not be linked or copied into a layer's build folder.</summary>
    public static readonly DiagnosticDescriptor RuntimeLayerCopyFailed = new("VSTK3016", "Runtime layer cannot be created");

    /// <summary>A wheel file is not a readable zip archive or has no valid wheel file name.</summary>
    public static readonly DiagnosticDescriptor WheelUnreadable = new("VSTK3020", "Wheel file cannot be read");

    /// <summary>A wheel file differs from the sha256 its lock records.</summary>
    public static readonly DiagnosticDescriptor WheelHashMismatch = new("VSTK3021", "Wheel does not match its locked hash");

    /// <summary>A wheel declares a <c>Wheel-Version</c> major version other than 1.</summary>
    public static readonly DiagnosticDescriptor WheelVersionUnsupported = new("VSTK3022", "Unsupported wheel format version");

    /// <summary>A wheel entry name is absolute, has a drive letter, <c>..</c>, a backslash, or leads outside its folder.</summary>
    public static readonly DiagnosticDescriptor WheelUnsafePath = new("VSTK3023", "Unsafe path in wheel");

    /// <summary>Two wheel entries have the same name or are installed to the same file.</summary>
    public static readonly DiagnosticDescriptor WheelDuplicateFile = new("VSTK3024", "Duplicate file in wheel");

    /// <summary>A wheel entry is a symbolic link.</summary>
    public static readonly DiagnosticDescriptor WheelSymlink = new("VSTK3025", "Symbolic link in wheel");

    /// <summary>A wheel's <c>.dist-info</c> folder is missing, repeated, misnamed, or lacks a valid WHEEL or METADATA.</summary>
    public static readonly DiagnosticDescriptor WheelInvalidDistInfo = new("VSTK3026", "Invalid .dist-info in wheel");

    /// <summary>A wheel's <c>.data</c> folder holds something other than the five scheme folders.</summary>
    public static readonly DiagnosticDescriptor WheelInvalidDataFolder = new("VSTK3027", "Invalid .data folder in wheel");

    /// <summary>A wheel has no RECORD, or one that cannot be parsed.</summary>
    public static readonly DiagnosticDescriptor WheelInvalidRecord = new("VSTK3028", "Wheel RECORD missing or invalid");

    /// <summary>A wheel contains a file its RECORD does not list.</summary>
    public static readonly DiagnosticDescriptor WheelFileNotInRecord = new("VSTK3029", "File not listed in wheel RECORD");

    /// <summary>A wheel file's content differs from its RECORD hash or size.</summary>
    public static readonly DiagnosticDescriptor WheelRecordMismatch = new("VSTK3030", "File does not match wheel RECORD");

    /// <summary>A wheel RECORD row has no hash or a hash algorithm other than sha256/384/512.</summary>
    public static readonly DiagnosticDescriptor WheelRecordUnverifiable = new("VSTK3031", "RECORD entry cannot be verified");

    /// <summary>An installed distribution that must be removed has no usable RECORD.</summary>
    public static readonly DiagnosticDescriptor InstalledRecordInvalid = new("VSTK3032", "Installed distribution cannot be uninstalled");

    /// <summary>An installed distribution's RECORD names a path outside the layer.</summary>
    public static readonly DiagnosticDescriptor InstalledPathOutsideEnvironment = new("VSTK3033", "RECORD path outside the environment");

    /// <summary>Files of a layer cannot be written or deleted.</summary>
    public static readonly DiagnosticDescriptor InstallFileSystemFailure = new("VSTK3034", "Cannot write or delete installed files");

    /// <summary>A wheel declares a newer minor <c>Wheel-Version</c> than this installer knows (installed anyway).</summary>
    public static readonly DiagnosticDescriptor WheelVersionNewer = new("VSTK3035", "Newer wheel format version");

    /// <summary>None of a locked package's wheels is compatible with the layer's target platform.</summary>
    public static readonly DiagnosticDescriptor NoCompatibleWheel = new("VSTK3036", "No locked wheel for the target platform");

    /// <summary>A locked package cannot be installed: no wheels, several entries applying, or a wheel of another project.</summary>
    public static readonly DiagnosticDescriptor LockedPackageNotInstallable = new("VSTK3037", "Locked package cannot be installed");

    /// <summary>A locked wheel has no sha256, so its download cannot be verified.</summary>
    public static readonly DiagnosticDescriptor LockedWheelWithoutHash = new("VSTK3038", "Locked wheel has no sha256");

    /// <summary>A lock marker uses a variable that cannot be known for a target platform.</summary>
    public static readonly DiagnosticDescriptor LockMarkerNotEvaluable = new("VSTK3039", "Lock marker cannot be evaluated");
    /// <summary>Two different shared libraries in a layer have the same file name, so one dynlib link cannot serve both.</summary>
    public static readonly DiagnosticDescriptor AmbiguousDynlibTargets = new("VSTK3040", "Ambiguous dynamic library link targets");

    /// <summary>A layer's <c>share/venv/dynlib</c> folder holds something that is not a link made by the build.</summary>
    public static readonly DiagnosticDescriptor DynlibFolderConflict = new("VSTK3041", "Dynamic library folder holds a file that is not a link");

    /// <summary>A Windows runtime has no venv launcher to copy into a layered environment.</summary>
    public static readonly DiagnosticDescriptor MissingVenvLauncher = new("VSTK3042", "Runtime has no venv launcher");

    /// <summary>A layered environment was prepared before its runtime was built (the runtime's Python is missing).</summary>
    public static readonly DiagnosticDescriptor MissingBaseRuntime = new("VSTK3043", "Base runtime not built");

    /// <summary>An installed distribution's RECORD file cannot be parsed, so it cannot be rewritten.</summary>
    public static readonly DiagnosticDescriptor InvalidInstalledRecord = new("VSTK3044", "Installed RECORD file cannot be read");

    /// <summary>A launch or support module disappeared between loading the spec and building the layer.</summary>
    public static readonly DiagnosticDescriptor MissingAppModule = new("VSTK3045", "Launch or support module missing at build time");

    /// <summary>A link in a layer points outside the build folder at something that cannot be hard-linked or copied.</summary>
    public static readonly DiagnosticDescriptor ExternalSymlink = new("VSTK3046", "Link to outside the build folder cannot be replaced");

    /// <summary>The file system refused a write while creating a layer's environment files.</summary>
    public static readonly DiagnosticDescriptor EnvironmentWriteFailed = new("VSTK3047", "Cannot write layer environment files");
    /// <summary>A layer is built while its lock is missing or stale.</summary>
    public static readonly DiagnosticDescriptor LayerNotLocked = new("VSTK3060", "Layer must be locked before building");

    /// <summary>A built layer's Python does not start, or its <c>sys.path</c> is not the layered one.</summary>
    public static readonly DiagnosticDescriptor LayerVerificationFailed = new("VSTK3061", "Built layer does not run as expected");

    /// <summary>The build folder cannot be created, written or renamed in.</summary>
    public static readonly DiagnosticDescriptor BuildFolderFailure = new("VSTK3062", "Build folder cannot be written");

    /// <summary>An archive entry has an absolute path, a drive letter, a <c>..</c> component, or lies under a symbolic link.</summary>
    public static readonly DiagnosticDescriptor ArchiveUnsafeEntryPath = new("VSTK4001", "Archive entry path is not safe");

    /// <summary>An archive's symbolic link is absolute or resolves outside the folder it may point into.</summary>
    public static readonly DiagnosticDescriptor ArchiveLinkEscapes = new("VSTK4002", "Archive link points outside its boundary");

    /// <summary>An archive's hard link does not name a regular file extracted before it.</summary>
    public static readonly DiagnosticDescriptor ArchiveInvalidHardLink = new("VSTK4003", "Archive hard link target is not an earlier file");

    /// <summary>An archive holds a device, FIFO or other entry type that is never extracted.</summary>
    public static readonly DiagnosticDescriptor ArchiveSpecialEntry = new("VSTK4004", "Archive entry type not allowed");

    /// <summary>An archive is damaged, truncated or not in the format its name says.</summary>
    public static readonly DiagnosticDescriptor ArchiveCorrupt = new("VSTK4005", "Archive is damaged or not of its format");

    /// <summary>An archive file name has no extension of a supported format.</summary>
    public static readonly DiagnosticDescriptor ArchiveUnsupportedFormat = new("VSTK4006", "Unsupported archive format");

    /// <summary>The system liblzma, needed for <c>.tar.xz</c>, cannot be loaded.</summary>
    public static readonly DiagnosticDescriptor LzmaUnavailable = new("VSTK4007", "liblzma not available");

    /// <summary>A compressor failed (out of memory, unsupported options).</summary>
    public static readonly DiagnosticDescriptor ArchiveCompressionFailed = new("VSTK4008", "Compression failed");

    /// <summary>A folder or file to be archived, or an archive to be read, cannot be read.</summary>
    public static readonly DiagnosticDescriptor ArchiveSourceUnreadable = new("VSTK4009", "Archive input cannot be read");

    /// <summary>A file changed size while it was being archived.</summary>
    public static readonly DiagnosticDescriptor ArchiveSourceChanged = new("VSTK4010", "File changed while being archived");

    /// <summary>A socket, FIFO or device file in a folder being archived was left out.</summary>
    public static readonly DiagnosticDescriptor ArchiveSpecialFileSkipped = new("VSTK4011", "Special file not archived");

    /// <summary>An archive request or extraction option that cannot be carried out as given.</summary>
    public static readonly DiagnosticDescriptor ArchiveInvalidRequest = new("VSTK4012", "Invalid archive request");

    /// <summary>The folder an archive is to be extracted into already exists.</summary>
    public static readonly DiagnosticDescriptor ArchiveTargetExists = new("VSTK4013", "Extraction target already exists");

    /// <summary>The archive file or the extracted files cannot be written.</summary>
    public static readonly DiagnosticDescriptor ArchiveOutputFailed = new("VSTK4014", "Archive output cannot be written");

    /// <summary>A layer to export has no build folder or no <c>.last-build.json</c>.</summary>
    public static readonly DiagnosticDescriptor ExportLayerNotBuilt = new("VSTK4020", "Layer not built");

    /// <summary>A layer to export has no valid lock, so its deployed name and metadata are unknown.</summary>
    public static readonly DiagnosticDescriptor ExportLockNotValid = new("VSTK4021", "Layer lock not valid");

    /// <summary>A layer's <c>.last-build.json</c> cannot be read or records another lock than the current one.</summary>
    public static readonly DiagnosticDescriptor ExportBuildOutOfDate = new("VSTK4022", "Layer build does not match its lock");

    /// <summary>The file system refused to create or replace an exported layer's files.</summary>
    public static readonly DiagnosticDescriptor ExportWriteFailed = new("VSTK4023", "Cannot write exported layer");

    /// <summary>The post-install script could not be started or exited with an error.</summary>
    public static readonly DiagnosticDescriptor PostInstallFailed = new("VSTK4024", "Post-install script failed");

    /// <summary>A deployed layer's <c>venvstacks_layer.json</c> is malformed or names a path outside the deployment folder.</summary>
    public static readonly DiagnosticDescriptor InvalidDeployedLayerConfig = new("VSTK4025", "Invalid deployed layer configuration");

    /// <summary>After post-install, a layer's <c>pyvenv.cfg</c> or <c>sitecustomize.py</c> differs from what it must be.</summary>
    public static readonly DiagnosticDescriptor PostInstallUnexpectedResult = new("VSTK4026", "Post-install wrote unexpected files");

    /// <summary>The export state file cannot be read; every layer is exported again and nothing is removed.</summary>
    public static readonly DiagnosticDescriptor ExportStateUnreadable = new("VSTK4027", "Export state unreadable");

    /// <summary>A layer was not exported because a layer below it failed.</summary>
    public static readonly DiagnosticDescriptor ExportLowerLayerFailed = new("VSTK4028", "Lower layer not exported");

    /// <summary>The export folder is the build folder, inside it, or holds it.</summary>
    public static readonly DiagnosticDescriptor ExportFolderOverlapsBuild = new("VSTK4029", "Export folder overlaps the build folder");

    /// <summary>The layers selected for export name a layer the stack does not have (or has disabled).</summary>
    public static readonly DiagnosticDescriptor ExportUnknownLayer = new("VSTK4030", "Unknown layer selected for export");
    /// <summary>A layer to publish has no build folder or no <c>.last-build.json</c> beside it.</summary>
    public static readonly DiagnosticDescriptor PublishLayerNotBuilt = new("VSTK4040", "Layer not built");

    /// <summary>A layer's build records another spec, lock or target than the current ones.</summary>
    public static readonly DiagnosticDescriptor PublishLayerBuildOutdated = new("VSTK4041", "Layer build out of date");

    /// <summary>A layer to publish has a missing or stale lock.</summary>
    public static readonly DiagnosticDescriptor PublishLayerNotLocked = new("VSTK4042", "Layer has no valid lock");

    /// <summary>A <c>VenvStacksInclude</c> pattern matches no layer of the stack.</summary>
    public static readonly DiagnosticDescriptor PublishIncludeUnmatched = new("VSTK4043", "No matching layers found");

    /// <summary>Previously published metadata cannot be read; the layer is archived again.</summary>
    public static readonly DiagnosticDescriptor PublishPreviousMetadataUnreadable = new("VSTK4044", "Previous publish metadata unreadable");

    /// <summary>The publish metadata or output folder cannot be written.</summary>
    public static readonly DiagnosticDescriptor PublishOutputFailed = new("VSTK4045", "Publish metadata cannot be written");

    /// <summary>A filtered publish left out a previously published layer whose archive is gone.</summary>
    public static readonly DiagnosticDescriptor PublishPreviousEntryDropped = new("VSTK4046", "Previously published layer dropped from the manifest");

    /// <summary>No layer of the selection targets the platform being published.</summary>
    public static readonly DiagnosticDescriptor PublishNothingSelected = new("VSTK4047", "No layer to publish");

    /// <summary>Publish settings that cannot be carried out (format, level, time, post-install script).</summary>
    public static readonly DiagnosticDescriptor PublishInvalidSettings = new("VSTK4048", "Invalid publish settings");

    /// <summary>The task assembly is running on an MSBuild it does not support.</summary>
    public static readonly DiagnosticDescriptor UnsupportedMSBuildRuntime = new("VSTK5001", "Unsupported MSBuild runtime");

    /// <summary>The task assembly named by <c>VenvStacksTasksAssembly</c> does not exist (raised from the SDK targets).</summary>
    public static readonly DiagnosticDescriptor TaskAssemblyMissing = new("VSTK5002", "Task assembly not found");

    /// <summary><c>VenvStacksShowFormat</c> names no known output format.</summary>
    public static readonly DiagnosticDescriptor UnknownShowFormat = new("VSTK5003", "Unknown show format");

    /// <summary><c>VenvStacksLockMode</c> names no lock mode, or the lock settings contradict each other.</summary>
    public static readonly DiagnosticDescriptor InvalidLockSettings = new("VSTK5004", "Invalid lock mode or settings");

    /// <summary>The build was canceled while a task worked; nothing partial was kept.</summary>
    public static readonly DiagnosticDescriptor TaskCanceled = new("VSTK5005", "Canceled");

    /// <summary>A <c>VenvStacksInclude</c> pattern names no enabled layer.</summary>
    public static readonly DiagnosticDescriptor NoMatchingLayers = new("VSTK5006", "No layer matches the include pattern");

    /// <summary><c>VenvStacksArchiveFormat</c> or <c>VenvStacksCompressionLevel</c> has an unusable value.</summary>
    public static readonly DiagnosticDescriptor InvalidPublishSettings = new("VSTK5007", "Invalid publish settings");

    /// <summary>An unexpected failure inside VenvStacks.Sdk itself.</summary>
    public static readonly DiagnosticDescriptor InternalError = new("VSTK9999", "Internal error");

    /// <summary>Every catalogue entry, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToArray();
}
