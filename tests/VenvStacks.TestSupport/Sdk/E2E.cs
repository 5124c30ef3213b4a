using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace VenvStacks.TestSupport.Sdk;

/// <summary>Runs a test body in a fresh <see cref="TestProject"/> that is deleted on success and kept on failure.</summary>
public static class E2E
{
    /// <summary>The trait value end-to-end tests carry (<c>[Trait("Category", "E2E")]</c>); filter with <c>Category!=E2E</c>.</summary>
    public const string Category = "E2E";

    /// <summary>
    /// Creates a project named after the calling test, runs <paramref name="test"/> in it, and deletes it when the
    /// test passes. When it fails the folder, its binlogs and the run's feed are kept and the path is written to
    /// the test output, so the build can be replayed by hand (<c>cd stack &amp;&amp; dotnet build</c> works there).
    /// </summary>
    public static async Task RunInProjectAsync(
        this PackedSdkFixture fixture,
        ITestOutputHelper output,
        Func<TestProject, Task> test,
        SdkReferenceStyle style = SdkReferenceStyle.GlobalJson,
        [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(test);
        using var project = fixture.CreateProject(testName, style);
        try
        {
            await test(project).ConfigureAwait(false);
        }
        catch
        {
            project.Keep();
            output.WriteLine($"Test project kept for inspection: {project.RootDirectory}");
            output.WriteLine($"Binary logs: {project.LogsDirectory}");
            throw;
        }
    }
}
