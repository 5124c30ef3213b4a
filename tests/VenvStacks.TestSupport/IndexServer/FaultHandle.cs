namespace VenvStacks.TestSupport.IndexServer;

/// <summary>An injected fault: tells a test when it has taken effect.</summary>
public sealed class FaultHandle
{
    private readonly TaskCompletionSource triggered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int remaining;
    private int hits;

    internal FaultHandle(ServerFault fault)
    {
        Fault = fault;
        remaining = fault.Times;
    }

    /// <summary>The fault description.</summary>
    public ServerFault Fault { get; }

    /// <summary>Completes when the fault has hit its first request (for a stall: once the partial body was sent).</summary>
    public Task Triggered => triggered.Task;

    /// <summary>How many requests the fault has affected so far.</summary>
    public int Hits => Volatile.Read(ref hits);

    internal bool TryConsume(string path)
    {
        if (!path.StartsWith(Fault.PathPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        while (true)
        {
            var current = Volatile.Read(ref remaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref remaining, current - 1, current) == current)
            {
                Interlocked.Increment(ref hits);
                return true;
            }
        }
    }

    internal void MarkTriggered() => triggered.TrySetResult();
}
