using VenvStacks.Core.Runtimes;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Runtimes;

/// <summary>Tests on the machine's test runtimes, each with its own scratch folder and cache root.</summary>
[Trait("Category", "Integration")]
public abstract class RuntimeIntegrationTest(TestRuntimesFixture fixture) : IClassFixture<TestRuntimesFixture>, IDisposable
{
    protected TestRuntimes Runtimes => fixture.Runtimes;

    private protected RuntimeScratch Scratch { get; } = new();

    public void Dispose()
    {
        Scratch.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Provides <paramref name="runtime"/> with a new provider and index client on this test's cache; the
    /// table is the test runtimes' own unless <paramref name="options"/> says otherwise.</summary>
    private protected async Task<ProvidedRuntime> ProvideAsync(
        TestRuntimeArchive runtime,
        RuntimeSourceOptions? options = null,
        IProgress<RuntimeProgress>? progress = null,
        bool offline = false,
        CancellationToken cancellationToken = default)
    {
        using var client = Scratch.Client(offline);
        return await RuntimeProvider.ProvideAsync(
            RuntimeScratch.Implementation(runtime),
            RuntimeScratch.Platform(runtime),
            options ?? Scratch.Options(Runtimes.DownloadsJson),
            client,
            progress,
            cancellationToken);
    }
}
