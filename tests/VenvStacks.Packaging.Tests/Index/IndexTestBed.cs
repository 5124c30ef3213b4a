using VenvStacks.Packaging.Index;
using VenvStacks.TestSupport.IndexServer;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Index;

/// <summary>Wheels, a cache folder and client options shared by the index tests.</summary>
internal static class IndexTestBed
{
    public static readonly DateTimeOffset Day1 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Day2 = Day1.AddDays(1);
    public static readonly DateTimeOffset Day3 = Day1.AddDays(2);

    public static BuiltWheel Lib10 { get; } = new WheelBuilder("Demo.Lib", "1.0")
        .WithRequiresPython(">=3.8")
        .WithModule("demo_lib/__init__.py", "VERSION = '1.0'\n")
        .Build();

    public static BuiltWheel Lib11 { get; } = new WheelBuilder("Demo.Lib", "1.1")
        .WithRequiresPython(">=3.9, <4")
        .WithExtra("speed", "fastjson>=2 ; python_version >= \"3.10\"")
        .WithModule("demo_lib/__init__.py", "VERSION = '1.1'\n")
        .Build();

    public static BuiltWheel Lib11Linux { get; } = new WheelBuilder("Demo.Lib", "1.1")
        .WithTag("cp311-cp311-manylinux_2_17_x86_64")
        .WithRequiresPython(">=3.9, <4")
        .WithModule("demo_lib/_speed.py", "FAST = True\n")
        .Build();

    public static BuiltWheel App10 { get; } = new WheelBuilder("demo-app", "1.0")
        .WithRequiresDist("demo-lib>=1.0")
        .WithModule("demo_app/__init__.py", "")
        .Build();

    /// <summary>A server holding Lib 1.0, 1.1 (two wheels), a yanked 1.2 and an sdist, with upload times.</summary>
    public static LocalIndexServer StartDemoServer(LocalIndexServerOptions? options = null)
    {
        var server = LocalIndexServer.Start(options);
        server.Add(Lib10, Day1);
        server.Add(Lib11, Day2);
        server.Add(Lib11Linux, Day2);
        server.Add(new WheelBuilder("demo-lib", "1.2").Build(), Day3, yankedReason: "broken <build> & co");
        server.Add(new ServedFile("demo_lib-1.1.tar.gz", "not really a tarball"u8.ToArray()) { UploadTime = Day2, RequiresPython = ">=3.9" });
        server.Add(App10, Day1);
        return server;
    }

    public static IndexClientOptions Options(TestFolder cache, List<IndexEvent>? log = null) => new()
    {
        CacheDirectory = cache.Path,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromSeconds(20),
        Environment = new Dictionary<string, string>(),
        NetrcPath = string.Empty,
        Log = log is null ? null : e =>
        {
            lock (log)
            {
                log.Add(e);
            }
        },
    };

    public static IndexSource Simple(LocalIndexServer server, string? name = null) => IndexSource.Simple(server.SimpleUri.AbsoluteUri, name);

    /// <summary>The server as the default index, so that no lookup ever falls through to PyPI.</summary>
    public static IndexSource Default(LocalIndexServer server, string? name = null) => IndexSource.Simple(server.SimpleUri.AbsoluteUri, name, isDefault: true);
}
