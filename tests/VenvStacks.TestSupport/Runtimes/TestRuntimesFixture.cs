using Xunit;

namespace VenvStacks.TestSupport.Runtimes;

/// <summary>xunit class or collection fixture giving tests the machine's <see cref="TestRuntimes"/> (made once per
/// machine, checked once per process). Pair it with <see cref="TestRuntimeFactAttribute"/> so machines that cannot
/// make them skip instead of failing.</summary>
public sealed class TestRuntimesFixture : IAsyncLifetime
{
    private TestRuntimes? _runtimes;

    /// <summary>The runtimes.</summary>
    /// <exception cref="InvalidOperationException">This machine cannot make them (the message says why; tests marked
    /// with <see cref="TestRuntimeFactAttribute"/> are skipped there and never ask).</exception>
    public TestRuntimes Runtimes => _runtimes ?? throw new InvalidOperationException(
        TestRuntimes.SkipReason ?? "The fixture has not been initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (TestRuntimes.SkipReason is null)
        {
            _runtimes = await TestRuntimes.GetAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
