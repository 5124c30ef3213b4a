using System.Globalization;

namespace VenvStacks.TestSupport.Sdk;

/// <summary>Packs src/VenvStacks.Sdk the way a release would, into a private folder feed.</summary>
public static class SdkPacker
{
    /// <summary>
    /// Runs <c>dotnet pack src/VenvStacks.Sdk</c> with a version no earlier run used (NuGet never re-reads a version
    /// it has already extracted). The build goes to its own artifacts folder below <paramref name="workDirectory"/>,
    /// so packing never writes into the repository's bin/obj while other test projects read them.
    /// </summary>
    public static async Task<PackedSdk> PackAsync(string repositoryRoot, string workDirectory, CancellationToken cancellationToken = default)
    {
        var version = "0.1.0-e2e-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var feed = Path.Combine(workDirectory, "feed");
        var artifacts = Path.Combine(workDirectory, "pack-artifacts");
        Directory.CreateDirectory(feed);

        var project = Path.Combine(repositoryRoot, "src", "VenvStacks.Sdk", "VenvStacks.Sdk.csproj");
        string[] arguments =
        [
            "pack", project,
            "-c", "Release",
            "-o", feed,
            "-p:PackageVersion=" + version,
            "-p:UseArtifactsOutput=true",
            "-p:ArtifactsPath=" + artifacts,
            .. DotnetCli.HermeticMSBuildArguments,
        ];
        var result = await DotnetCli.RunAsync(
            new DotnetInvocation(arguments, repositoryRoot, Path.Combine(workDirectory, "pack.binlog"), null, DotnetInvocation.DefaultTimeout),
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Packing VenvStacks.Sdk failed.\n" + result.Describe());
        }

        var package = Path.Combine(feed, $"{PackedSdk.PackageId}.{version}.nupkg");
        if (!File.Exists(package))
        {
            throw new InvalidOperationException($"dotnet pack succeeded but {package} is missing.\n" + result.Describe());
        }

        return new PackedSdk(feed, version, package);
    }
}
