using System.Globalization;
using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.Index;
using VenvStacks.Packaging.VenvstacksTargets;
using VenvStacks.Packaging.Caching;

namespace VenvStacks.Core.Tests.Runtimes;

/// <summary>
/// The test assembly's entry point (the project sets <c>GenerateProgramFile=false</c>), so a test can run a real
/// second process that provides a runtime: <c>dotnet VenvStacks.Core.Tests.dll provide-runtime {table} {cache root}
/// {cpython@X.Y.Z} {platform}</c>. It prints each progress kind as <c>progress {kind}</c> as it happens, then
/// <c>extracted {true|false} {directory}</c>.
/// </summary>
public static class RuntimeProviderProcess
{
    public const string Command = "provide-runtime";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Command, var table, var cacheRoot, var implementation, var platform])
        {
            await Console.Error.WriteLineAsync($"usage: {Command} <table> <cache root> <cpython@X.Y.Z> <platform>");
            return 2;
        }

        using var client = new IndexClient(new IndexClientOptions { CacheDirectory = cacheRoot, NetrcPath = string.Empty, Environment = new Dictionary<string, string>() });
        var progress = new ProgressLog(report => Console.Out.WriteLine("progress " + report.Kind));
        var provided = await RuntimeProvider.ProvideAsync(
            PythonImplementation.Parse(implementation),
            TargetPlatform.Parse(platform),
            new RuntimeSourceOptions { DownloadsTable = table, CacheRoot = cacheRoot },
            client,
            progress);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extracted {provided.Extracted} {provided.Directory}"));
        return 0;
    }
}
