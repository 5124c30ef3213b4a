using VenvStacks.Packaging.Index;

namespace VenvStacks.Packaging.Tests.Index;

public sealed class AsyncMemoTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_run()
    {
        var memo = new AsyncMemo<string, int>();
        var runs = 0;
        var gate = new TaskCompletionSource();

        var callers = Enumerable.Range(0, 5).Select(_ => memo.GetAsync("k", async _ =>
        {
            Interlocked.Increment(ref runs);
            await gate.Task;
            return 42;
        }, CancellationToken.None)).ToArray();
        gate.SetResult();

        (await Task.WhenAll(callers)).ShouldAllBe(v => v == 42);
        runs.ShouldBe(1);
    }

    [Fact]
    public async Task Failures_are_not_remembered()
    {
        var memo = new AsyncMemo<string, int>();
        var attempt = 0;
        Task<int> Run(CancellationToken _) => ++attempt == 1 ? throw new InvalidOperationException("first") : Task.FromResult(7);

        await Should.ThrowAsync<InvalidOperationException>(() => memo.GetAsync("k", Run, CancellationToken.None));
        (await memo.GetAsync("k", Run, CancellationToken.None)).ShouldBe(7);
    }

    [Fact]
    public async Task A_waiter_does_not_inherit_the_owners_cancellation()
    {
        var memo = new AsyncMemo<string, string>();
        using var ownerToken = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var owner = memo.GetAsync("k", async token =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return "owner";
        }, ownerToken.Token);
        await started.Task;
        var waiter = memo.GetAsync("k", _ => Task.FromResult("waiter"), CancellationToken.None);

        await ownerToken.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => owner);
        (await waiter).ShouldBe("waiter");
    }
}
