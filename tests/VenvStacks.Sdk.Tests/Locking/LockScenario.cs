using VenvStacks.TestSupport;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Sdk;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Sdk.Tests.Locking;

/// <summary>
/// The world a lock test runs in: a package index on 127.0.0.1 serving pure-Python wheels of a small dependency
/// graph (numpy; scipy on numpy; httpx on h11 and anyio, anyio on sniffio; click alone), and the
/// <c>testassets/lock-stack</c> specs pointed at it. Test projects get a private download cache.
/// </summary>
internal sealed class LockScenario : IAsyncDisposable
{
    private LockScenario(LocalIndexServer server) => Server = server;

    /// <summary>The index the specs use.</summary>
    public LocalIndexServer Server { get; }

    /// <summary>Starts an index serving the scenario's packages.</summary>
    public static LockScenario Start(LocalIndexServerOptions? options = null)
    {
        var scenario = new LockScenario(LocalIndexServer.Start(options));
        scenario.Serve("numpy", "2.3.1");
        scenario.Serve("numpy", "2.3.2");
        scenario.Serve("scipy", "1.16.1", "numpy>=2");
        scenario.Serve("httpx", "0.28.1", "h11>=0.15", "anyio");
        scenario.Serve("h11", "0.16.0");
        scenario.Serve("anyio", "4.9.0", "sniffio>=1.1");
        scenario.Serve("sniffio", "1.3.1");
        scenario.Serve("click", "8.2.1");
        return scenario;
    }

    /// <summary>Serves one more pure-Python wheel.</summary>
    public BuiltWheel Serve(string name, string version, params string[] requires)
    {
        var wheel = Wheel(name, version, requires);
        Server.Add(wheel, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        return wheel;
    }

    /// <summary>Writes every wheel the index serves into a folder (a local wheelhouse).</summary>
    public void WriteWheelsTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Server.Files)
        {
            File.WriteAllBytes(Path.Combine(folder, file.FileName), file.Content);
        }
    }

    /// <summary>A spec of <c>testassets/lock-stack</c> with <c>{index_url}</c> replaced by this index.</summary>
    public string Spec(string assetFile = "venvstacks.toml") =>
        File.ReadAllText(TestData.Asset("lock-stack", assetFile)).Replace("{index_url}", Server.SimpleUri.AbsoluteUri, StringComparison.Ordinal);

    /// <summary>
    /// Sets up <paramref name="project"/> with the scenario's spec and launch module and a download cache of its
    /// own (<c>VenvStacksCacheDir</c>, relative to the project), so no test sees another's cached pages.
    /// </summary>
    public TestProject Prepare(TestProject project, string? spec = null, string extraProjectContent = "")
    {
        project.WithFile("tool.py", "print('tool')\n");
        project.WithSpec(spec ?? Spec());
        project.WithProjectContent($"""
              <PropertyGroup>
                <VenvStacksCacheDir>../cache</VenvStacksCacheDir>
              </PropertyGroup>
            {extraProjectContent}
            """);
        return project;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static BuiltWheel Wheel(string name, string version, string[] requires) =>
        new WheelBuilder(name, version).WithRequiresDist(requires).Build();
}
