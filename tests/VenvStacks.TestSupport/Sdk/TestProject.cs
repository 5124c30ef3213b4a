using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace VenvStacks.TestSupport.Sdk;

/// <summary>
/// A stack project in its own scratch folder, cut off from everything around it: its own nuget.config (only the
/// run's local feed for VenvStacks.*, nuget.org for anything else), a global.json pinning the .NET SDK and the packed
/// VenvStacks.Sdk version, empty Directory.Build.*, and a private NuGet packages folder. Layout:
/// <code>
/// &lt;root&gt;/nuget.config, global.json, Directory.Build.props|targets, Directory.Packages.props
/// &lt;root&gt;/packages/   private NUGET_PACKAGES
/// &lt;root&gt;/logs/       one binlog per command (01-build.binlog, ...)
/// &lt;root&gt;/stack/      stack.venvproj, venvstacks.toml and whatever the test adds
/// </code>
/// Dispose deletes the folder unless <see cref="Keep"/> was called (see <see cref="E2E.RunInProjectAsync"/>).
/// </summary>
public sealed class TestProject : IDisposable
{
    /// <summary>File name of the stack project inside <see cref="ProjectDirectory"/>.</summary>
    public const string ProjectFileName = "stack.venvproj";

    private readonly PackedSdkFixture? _owner;
    private int _commandCount;
    private bool _kept;

    private TestProject(PackedSdk sdk, string root, SdkReferenceStyle style, PackedSdkFixture? owner)
    {
        Sdk = sdk;
        RootDirectory = root;
        Style = style;
        _owner = owner;
        Directory.CreateDirectory(ProjectDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(LogsDirectory);
        WriteIsolationFiles();
        WriteProjectFile(string.Empty);
    }

    /// <summary>The SDK package the project uses.</summary>
    public PackedSdk Sdk { get; }

    /// <summary>How the project names the SDK version.</summary>
    public SdkReferenceStyle Style { get; }

    /// <summary>The scratch folder holding everything of this project.</summary>
    public string RootDirectory { get; }

    /// <summary>The folder of the stack project and its spec.</summary>
    public string ProjectDirectory => Path.Combine(RootDirectory, "stack");

    /// <summary>The stack project file.</summary>
    public string ProjectPath => Path.Combine(ProjectDirectory, ProjectFileName);

    /// <summary>The default spec location next to the project.</summary>
    public string SpecPath => Path.Combine(ProjectDirectory, "venvstacks.toml");

    /// <summary>The private NuGet packages folder.</summary>
    public string PackagesDirectory => Path.Combine(RootDirectory, "packages");

    /// <summary>Where each command's binary log goes.</summary>
    public string LogsDirectory => Path.Combine(RootDirectory, "logs");

    /// <summary>True once <see cref="Keep"/> was called.</summary>
    public bool IsKept => _kept;

    /// <summary>Creates a project folder below <paramref name="parentDirectory"/>.</summary>
    public static TestProject Create(
        PackedSdk sdk, string parentDirectory, string name, SdkReferenceStyle style = SdkReferenceStyle.GlobalJson) =>
        Create(sdk, parentDirectory, name, style, owner: null);

    internal static TestProject Create(
        PackedSdk sdk, string parentDirectory, string name, SdkReferenceStyle style, PackedSdkFixture? owner)
    {
        ArgumentNullException.ThrowIfNull(sdk);
        Directory.CreateDirectory(parentDirectory);
        return new TestProject(sdk, TempDirectory.CreateUnder(parentDirectory, name), style, owner);
    }

    /// <summary>Writes <c>venvstacks.toml</c> next to the project.</summary>
    public TestProject WithSpec(string toml) => WithFile("venvstacks.toml", toml);

    /// <summary>Writes a file below the project folder (LF line endings kept as given).</summary>
    public TestProject WithFile(string relativePath, string content)
    {
        var path = Path.Combine(ProjectDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Copies every file of <c>testassets/&lt;name&gt;/</c> into the project folder, keeping sub-folders.</summary>
    public TestProject WithAsset(string assetName) => WithFilesFrom(TestData.Asset(assetName));

    /// <summary>
    /// Copies every file below <paramref name="sourceDirectory"/> into the project folder (or into
    /// <paramref name="targetSubdirectory"/> below it), keeping sub-folders.
    /// </summary>
    public TestProject WithFilesFrom(string sourceDirectory, string targetSubdirectory = "")
    {
        if (!Directory.Exists(sourceDirectory))
        {
            throw new DirectoryNotFoundException(sourceDirectory);
        }

        foreach (var file in Directory.EnumerateFiles(sourceDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(ProjectDirectory, targetSubdirectory, Path.GetRelativePath(sourceDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return this;
    }

    /// <summary>
    /// Writes a file relative to <see cref="RootDirectory"/>, e.g. a consumer project <c>app/app.csproj</c> that
    /// references <c>../stack/stack.venvproj</c>; it shares the isolation files of the stack project.
    /// </summary>
    public TestProject WithRootFile(string relativePath, string content)
    {
        var path = Path.Combine(RootDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Rewrites the project file with this XML inside <c>&lt;Project&gt;</c> (properties, items, targets).</summary>
    public TestProject WithProjectContent(string innerXml)
    {
        WriteProjectFile(innerXml);
        return this;
    }

    /// <summary>Runs <c>dotnet build stack.venvproj</c> with the given extra arguments.</summary>
    public Task<DotnetResult> BuildAsync(params string[] arguments) => RunAsync("build", arguments);

    /// <summary>Runs <c>dotnet publish stack.venvproj</c> with the given extra arguments.</summary>
    public Task<DotnetResult> PublishAsync(params string[] arguments) => RunAsync("publish", arguments);

    /// <summary>Runs <c>dotnet clean stack.venvproj</c> with the given extra arguments.</summary>
    public Task<DotnetResult> CleanAsync(params string[] arguments) => RunAsync("clean", arguments);

    /// <summary>Runs an MSBuild-based <c>dotnet</c> verb on the project, hermetically, with a binary log.</summary>
    public Task<DotnetResult> RunAsync(string verb, IEnumerable<string> arguments, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RunOnAsync(ProjectPath, verb, arguments, timeout, cancellationToken);

    /// <summary>
    /// Runs an MSBuild-based <c>dotnet</c> verb on the project and hands the child process to <paramref name="started"/>
    /// as soon as it runs, so a test can interrupt it (Ctrl+C) and observe how the build stops.
    /// </summary>
    public Task<DotnetResult> RunAsync(string verb, IEnumerable<string> arguments, Action<System.Diagnostics.Process> started, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RunOnAsync(ProjectPath, verb, arguments, timeout, cancellationToken, started);

    /// <summary>
    /// Runs <c>dotnet build</c> with the given extra arguments and one <c>-getProperty</c> per name, asserts that it
    /// succeeded, and returns each property's value by name.
    /// </summary>
    public async Task<Dictionary<string, string>> GetPropertiesAsync(IEnumerable<string> arguments, params string[] names)
    {
        var result = await BuildAsync([.. arguments, .. names.Select(n => "-getProperty:" + n)]).ConfigureAwait(false);
        result.ShouldSucceed();
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }

    /// <summary>
    /// Runs an MSBuild-based <c>dotnet</c> verb on another project file in this folder (relative to
    /// <see cref="RootDirectory"/> or absolute), hermetically, with a binary log.
    /// </summary>
    public Task<DotnetResult> RunOnAsync(string projectPath, string verb, IEnumerable<string> arguments, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RunOnAsync(projectPath, verb, arguments, timeout, cancellationToken, started: null);

    private Task<DotnetResult> RunOnAsync(string projectPath, string verb, IEnumerable<string> arguments, TimeSpan? timeout, CancellationToken cancellationToken, Action<System.Diagnostics.Process>? started)
    {
        var fullProjectPath = Path.GetFullPath(projectPath, RootDirectory);
        var number = Interlocked.Increment(ref _commandCount);
        var binlog = Path.Combine(LogsDirectory, $"{number.ToString("00", CultureInfo.InvariantCulture)}-{verb}.binlog");
        string[] allArguments = [verb, fullProjectPath, .. arguments, .. DotnetCli.HermeticMSBuildArguments];
        return DotnetCli.RunAsync(
            new DotnetInvocation(allArguments, Path.GetDirectoryName(fullProjectPath)!, binlog, PackagesDirectory, timeout ?? DotnetInvocation.DefaultTimeout) { Started = started },
            cancellationToken);
    }

    /// <summary>Keeps the folder (and the run's feed) after the test, for inspection.</summary>
    public void Keep()
    {
        if (!_kept)
        {
            _kept = true;
            _owner?.NoteKeptProject();
        }
    }

    /// <summary>Deletes the folder unless it is kept.</summary>
    public void Dispose()
    {
        if (!_kept)
        {
            TempDirectory.DeleteQuietly(RootDirectory);
        }
    }

    private void WriteProjectFile(string innerXml)
    {
        var sdkName = Style == SdkReferenceStyle.ProjectAttribute ? $"{PackedSdk.PackageId}/{Sdk.Version}" : PackedSdk.PackageId;
        var content = $"<Project Sdk=\"{sdkName}\">\n{innerXml}\n</Project>\n";
        // Parse once so a malformed snippet fails here, with a clear message, rather than as an MSBuild error.
        _ = XDocument.Parse(content);
        File.WriteAllText(ProjectPath, content);
    }

    private void WriteIsolationFiles()
    {
        var nugetConfig = new XDocument(
            new XElement("configuration",
                new XElement("config",
                    new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", "packages"))),
                new XElement("packageSources",
                    new XElement("clear"),
                    new XElement("add", new XAttribute("key", "venvstacks-local"), new XAttribute("value", Sdk.FeedDirectory)),
                    new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json"))),
                // The SDK package comes only from the local feed, so restore never asks nuget.org about it.
                new XElement("packageSourceMapping",
                    new XElement("packageSource", new XAttribute("key", "venvstacks-local"),
                        new XElement("package", new XAttribute("pattern", "VenvStacks.*"))),
                    new XElement("packageSource", new XAttribute("key", "nuget.org"),
                        new XElement("package", new XAttribute("pattern", "*"))))));
        nugetConfig.Save(Path.Combine(RootDirectory, "nuget.config"));

        var globalJson = new JsonObject { ["sdk"] = RepositorySdkSection() };
        if (Style == SdkReferenceStyle.GlobalJson)
        {
            globalJson["msbuild-sdks"] = new JsonObject { [PackedSdk.PackageId] = Sdk.Version };
        }

        File.WriteAllText(
            Path.Combine(RootDirectory, "global.json"),
            globalJson.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        // Nothing from folders above may leak in (repository settings, central package management).
        // Building layers needs a runtime archive, which the public table would download from GitHub: tests that build
        // layers opt in with a test runtime (WithTestRuntime); every other test validates and locks only.
        File.WriteAllText(
            Path.Combine(RootDirectory, "Directory.Build.props"),
            "<Project>\n  <PropertyGroup>\n    <VenvStacksBuildLayers Condition=\"'$(VenvStacksBuildLayers)' == ''\">false</VenvStacksBuildLayers>\n  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(RootDirectory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(
            Path.Combine(RootDirectory, "Directory.Packages.props"),
            "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
    }

    /// <summary>The repository's own .NET SDK pin, so tests use the same SDK the repository builds with.</summary>
    private static JsonNode RepositorySdkSection()
    {
        var repositoryGlobalJson = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "global.json")));
        return repositoryGlobalJson?["sdk"]?.DeepClone()
            ?? throw new InvalidOperationException("The repository's global.json has no sdk section.");
    }
}
