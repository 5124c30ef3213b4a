using System.Runtime.InteropServices;
using VenvStacks.TestSupport;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Runtimes;
using VenvStacks.TestSupport.Sdk;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Sdk.Tests.Building;

/// <summary>
/// The world a build test runs in, all offline and real: CPython runtimes packed from the machine's Pythons
/// (build/make-test-runtime.sh, named by a downloads table the project points VenvStacksPythonDownloads at), and a
/// package index on 127.0.0.1 serving real wheels — setuptools and pip from the test Python's ensurepip, C-extension
/// and shared-library wheels compiled for it with gcc, and generated pure-Python ones. Specs come from
/// <c>testassets/build-stack</c>.
/// </summary>
internal sealed class BuildScenario : IAsyncDisposable
{
    private BuildScenario(TestRuntimes runtimes, NativeWheelSet native, TestPython python, LocalIndexServer server)
    {
        Runtimes = runtimes;
        Native = native;
        Python = python;
        Server = server;
    }

    /// <summary>The packed runtimes and their downloads table.</summary>
    public TestRuntimes Runtimes { get; }

    /// <summary>The compiled test wheels for CPython 3.11.</summary>
    public NativeWheelSet Native { get; }

    /// <summary>The machine's CPython 3.11 the wheels were compiled for.</summary>
    public TestPython Python { get; }

    /// <summary>The index the specs use.</summary>
    public LocalIndexServer Server { get; }

    /// <summary>The 3.11 runtime archive.</summary>
    public TestRuntimeArchive Runtime311 => Runtimes.For("3.11");

    /// <summary>The host's venvstacks platform name, the only one layers are built for.</summary>
    public static string Platform => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux_aarch64" : "linux_x86_64";

    /// <summary>Why build tests cannot run here, or null.</summary>
    public static string? SkipReason =>
        TestRuntimes.SkipReason ?? NativeWheelBuilder.SkipReason(PythonRequest.Python311);

    /// <summary>Prepares runtimes and wheels (cached per machine) and starts the index.</summary>
    public static async Task<BuildScenario> StartAsync()
    {
        var runtimes = await TestRuntimes.GetAsync();
        var python = TestPython.Find(PythonRequest.Python311, TestPythonNeeds.Headers | TestPythonNeeds.BundledWheels)
            ?? throw new InvalidOperationException(TestPython.SkipReason(PythonRequest.Python311, TestPythonNeeds.Headers | TestPythonNeeds.BundledWheels));
        var native = await NativeWheelBuilder.GetAsync(python);
        var server = LocalIndexServer.Start();
        var scenario = new BuildScenario(runtimes, native, python, server);
        server.AddFolder(native.Folder);
        foreach (var bundled in python.BundledWheels)
        {
            server.Add(new ServedFile(Path.GetFileName(bundled), await File.ReadAllBytesAsync(bundled)));
        }

        scenario.Serve("greeting", "1.0", "greeting/__init__.py", "def hello(name):\n    return f'hello from {name}'\n");
        scenario.Serve("tinyhelper", "1.0", "tinyhelper/__init__.py", "def shout(text):\n    return text.upper() + '!'\n");
        return scenario;
    }

    /// <summary>Serves a pure-Python wheel holding one module file.</summary>
    public BuiltWheel Serve(string name, string version, string module, string text, params string[] requires)
    {
        var wheel = new WheelBuilder(name, version).WithModule(module, text).WithRequiresDist(requires).Build();
        Server.Add(wheel, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        return wheel;
    }

    /// <summary>The build-stack spec with this scenario's index, runtime version and platform filled in.</summary>
    public string Spec() =>
        File.ReadAllText(TestData.Asset("build-stack", "venvstacks.toml"))
            .Replace("{index_url}", Server.SimpleUri.AbsoluteUri, StringComparison.Ordinal)
            .Replace("{py311}", Runtime311.Version, StringComparison.Ordinal)
            .Replace("{platform}", Platform, StringComparison.Ordinal);

    /// <summary>
    /// Sets up <paramref name="project"/> with the spec, the launch modules, layer building switched on, the test
    /// runtimes' downloads table and a download and runtime cache of its own (<c>../cache</c>).
    /// </summary>
    public TestProject Prepare(TestProject project, string? spec = null, string extraProjectContent = "")
    {
        project.WithFilesFrom(TestData.Asset("build-stack"));
        project.WithSpec(spec ?? Spec());
        project.WithProjectContent($"""
              <PropertyGroup>
                <VenvStacksBuildLayers>true</VenvStacksBuildLayers>
                <VenvStacksCacheDir>../cache</VenvStacksCacheDir>
                <VenvStacksPythonDownloads>{Runtimes.DownloadsJson}</VenvStacksPythonDownloads>
              </PropertyGroup>
            {extraProjectContent}
            """);
        return project;
    }

    /// <summary>A built layer's folder.</summary>
    public static string LayerPath(TestProject project, string buildName) =>
        Path.Combine(project.ProjectDirectory, "obj", "venvstacks", "build", buildName);

    /// <summary>Runs <c>&lt;layer&gt;/bin/python</c> with arguments, as a user would, from the project's root folder
    /// (not the stack folder: <c>-m</c> puts the working folder on sys.path, which would import the source modules).</summary>
    public static Task<ProcessOutput> RunLayerPythonAsync(TestProject project, string buildName, params string[] arguments) =>
        ExternalProcess.RunAsync(Path.Combine(LayerPath(project, buildName), "bin", "python"), arguments, null, project.RootDirectory, TimeSpan.FromMinutes(2));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
