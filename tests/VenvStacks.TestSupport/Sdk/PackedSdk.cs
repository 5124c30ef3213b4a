namespace VenvStacks.TestSupport.Sdk;

/// <summary>A VenvStacks.Sdk package packed for this test run, sitting alone in a local folder feed.</summary>
/// <param name="FeedDirectory">The folder feed (contains only this package).</param>
/// <param name="Version">The package version, unique to this run.</param>
/// <param name="PackagePath">The .nupkg file.</param>
public sealed record PackedSdk(string FeedDirectory, string Version, string PackagePath)
{
    /// <summary>The package id.</summary>
    public const string PackageId = "VenvStacks.Sdk";
}
