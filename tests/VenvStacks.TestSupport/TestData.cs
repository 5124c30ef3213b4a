namespace VenvStacks.TestSupport;

/// <summary>Locates the conformance data and the repository's own test assets.</summary>
public static class TestData
{
    /// <summary>Environment variable that points conformance tests at another data folder of the same formats.</summary>
    public const string EnvironmentVariable = "VENVSTACKS_TESTDATA";

    /// <summary>The conformance data root: <c>$VENVSTACKS_TESTDATA</c>, else <c>testassets/conformance</c> of the repository
    /// (its README names each folder's upstream source).</summary>
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return Path.GetFullPath(fromEnvironment);
            }

            return Path.Combine(RepositoryRoot, "testassets", "conformance");
        }
    }

    /// <summary>The repository root, found by walking up from the test assembly to <c>VenvStacks.Build.sln</c>.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VenvStacks.Build.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName
                ?? throw new InvalidOperationException("VenvStacks.Build.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A path below the conformance data root.</summary>
    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A path below the repository's <c>testassets/</c> folder.</summary>
    public static string Asset(params string[] parts) => Path.Combine([RepositoryRoot, "testassets", .. parts]);
}
