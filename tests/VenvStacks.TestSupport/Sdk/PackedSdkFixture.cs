using Xunit;

namespace VenvStacks.TestSupport.Sdk;

/// <summary>
/// xunit fixture that packs the SDK once for all tests sharing it (use it as a collection fixture) and owns the
/// run's scratch folder. The folder is deleted at the end unless a test kept its project for inspection.
/// </summary>
public sealed class PackedSdkFixture : IAsyncLifetime
{
    private PackedSdk? _sdk;
    private int _keptProjects;

    /// <summary>This run's scratch folder: the feed, the pack log, and one folder per test project.</summary>
    public string RunDirectory { get; } = TempDirectory.CreateUnder(TempDirectory.Root, "run-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The packed SDK.</summary>
    public PackedSdk Sdk => _sdk ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <summary>Where test projects are written.</summary>
    public string ProjectsDirectory => Path.Combine(RunDirectory, "projects");

    /// <summary>Creates an isolated project folder for one test (see <see cref="TestProject"/>).</summary>
    public TestProject CreateProject(string name, SdkReferenceStyle style = SdkReferenceStyle.GlobalJson) =>
        TestProject.Create(Sdk, ProjectsDirectory, name, style, this);

    /// <summary>Called by a kept project so the run folder (and the feed its nuget.config names) survives.</summary>
    internal void NoteKeptProject() => Interlocked.Increment(ref _keptProjects);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ProjectsDirectory);
        _sdk = await SdkPacker.PackAsync(TestData.RepositoryRoot, RunDirectory).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        if (Volatile.Read(ref _keptProjects) == 0 && _sdk is not null)
        {
            TempDirectory.DeleteQuietly(RunDirectory);
        }

        return Task.CompletedTask;
    }
}
