using VenvStacks.Core.Installing;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Pep751;
using VenvStacks.Packaging.Platforms;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;
using VenvStacks.Packaging.Caching;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Installing;

/// <summary>
/// A package index on 127.0.0.1, a download cache, a lock folder and an empty layer environment, all in one
/// temporary folder; locks are written in PEP 751 form and read back as a build would read them.
/// </summary>
internal sealed class LayerFixture : IAsyncDisposable
{
    public static readonly PythonImplementation Python311 = PythonImplementation.Parse("cpython@3.11.11");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "vstk-install-" + Guid.NewGuid().ToString("N")[..12]);

    public LayerFixture(TargetPlatform? platform = null)
    {
        Platform = platform ?? TargetPlatform.LinuxX64;
        Directory.CreateDirectory(LockFolder);
        Directory.CreateDirectory(Environment);
        Client = new IndexClient(new IndexClientOptions { CacheDirectory = Path.Combine(_root, "cache"), MaxRetries = 0 });
    }

    public LocalIndexServer Server { get; } = LocalIndexServer.Start();

    public IndexClient Client { get; }

    public TargetPlatform Platform { get; }

    public string LockFolder => Path.Combine(_root, "requirements", "app-demo");

    public string LockPath => Path.Combine(LockFolder, "pylock.app-demo.toml");

    public string Environment => Path.Combine(_root, "build", "app-demo");

    public string CacheFolder => Path.Combine(_root, "cache");

    public InstallScheme Scheme => InstallScheme.ForVirtualEnvironment(Environment, Platform.OperatingSystem, 3, 11);

    /// <summary>Serves the wheel and returns its lock entry (url, size, sha256).</summary>
    public PyLockWheel Serve(BuiltWheel wheel)
    {
        Server.Add(wheel);
        return new PyLockWheel { Url = Server.FileUri(wheel.FileName).AbsoluteUri, Size = wheel.Content.Length, Hashes = new Dictionary<string, string> { ["sha256"] = wheel.Sha256 } };
    }

    /// <summary>Writes the wheel next to the lock (in <c>wheels/</c>) and returns its lock entry with a relative path.</summary>
    public PyLockWheel Local(BuiltWheel wheel)
    {
        wheel.WriteTo(Path.Combine(LockFolder, "wheels"));
        return new PyLockWheel { Path = "wheels/" + wheel.FileName, Size = wheel.Content.Length, Hashes = new Dictionary<string, string> { ["sha256"] = wheel.Sha256 } };
    }

    public PyLockPackage Package(string name, string version, string? marker, params PyLockWheel[] wheels) =>
        new() { Name = name, Version = version, Marker = marker, Index = Server.SimpleUri.AbsoluteUri, Wheels = wheels.Length == 0 ? null : wheels };

    /// <summary>Writes the lock file and parses it back.</summary>
    public PyLock WriteLock(params PyLockPackage[] packages)
    {
        var text = new PyLock { CreatedBy = "uv", RequiresPython = "==3.11.*", Packages = packages }.ToToml();
        File.WriteAllText(LockPath, text);
        return PyLock.Parse(File.ReadAllText(LockPath));
    }

    public LayerInstallRequest Request(PyLock lockFile, TargetPlatform? platform = null) => new()
    {
        LayerName = "app-demo",
        Lock = lockFile,
        LockFilePath = LockPath,
        Platform = platform ?? Platform,
        Implementation = Python311,
        Scheme = Scheme,
        EnvironmentRoot = Environment,
        ScriptShebang = "#!/layers/app-demo/bin/python",
    };

    public Task<LayerInstallResult> InstallAsync(PyLock lockFile, Func<LayerInstallRequest, LayerInstallRequest>? change = null) =>
        new LayerPackageInstaller(Client).InstallAsync((change ?? (r => r))(Request(lockFile)));

    /// <summary>Every file below the environment, relative and '/'-separated.</summary>
    public IReadOnlyList<string> EnvironmentFiles() =>
        Directory.EnumerateFiles(Environment, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Environment, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
