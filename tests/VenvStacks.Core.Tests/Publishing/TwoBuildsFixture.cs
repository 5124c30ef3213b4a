using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Publishing;

/// <summary>
/// The default <see cref="PublishStack"/> built twice from the same locks: <see cref="BuildA"/> plainly and
/// <see cref="BuildB"/> scrambled (other creation order, other time stamps). Tests only publish from them.
/// </summary>
public sealed class TwoBuildsFixture : IAsyncLifetime
{
    private PublishStack? _stack;

    internal PublishStack Stack => _stack ?? throw new InvalidOperationException(TestRuntimes.SkipReason ?? "Not initialised.");

    public string BuildA { get; private set; } = string.Empty;

    public string BuildB { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (TestRuntimes.SkipReason is not null)
        {
            return;
        }

        _stack = await PublishStack.CreateAsync();
        BuildA = await _stack.BuildAsync("build-a");
        BuildB = await _stack.BuildAsync("build-b", scrambled: true);
    }

    public Task DisposeAsync()
    {
        _stack?.Dispose();
        return Task.CompletedTask;
    }
}
