namespace VenvStacks.Tasks;

/// <summary>
/// Asks an <see cref="IndexActivityLog"/> once a second whether a long wait is worth reporting, while locking runs.
/// Disposing stops it and waits for a running check, so nothing is logged after the task has finished.
/// </summary>
internal sealed class IndexWaitWatch : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public IndexWaitWatch(IndexActivityLog activity) => _loop = Task.Run(() => WatchAsync(activity, _stop.Token));

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // The normal way the loop ends.
        }

        _stop.Dispose();
    }

    private static async Task WatchAsync(IndexActivityLog activity, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            activity.ReportLongWait();
        }
    }
}
