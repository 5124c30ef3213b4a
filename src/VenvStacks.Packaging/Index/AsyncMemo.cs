using System.Collections.Concurrent;

namespace VenvStacks.Packaging.Index;

/// <summary>
/// Runs an asynchronous lookup once per key for the lifetime of a client, sharing it between concurrent callers.
/// Failures are not remembered (the next call tries again), and a caller whose own token is not cancelled never
/// inherits another caller's cancellation: it starts the work again. The work runs with the token of the caller that
/// started it.
/// </summary>
internal sealed class AsyncMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _entries = new();

    public async Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> factory, CancellationToken cancellationToken)
    {
        while (true)
        {
            var created = new Lazy<Task<TValue>>(() => RunAsync(factory, cancellationToken));
            var entry = _entries.GetOrAdd(key, created);
            var task = entry.Value;
            try
            {
                // The caller whose token drives the work waits for the work itself, so that when its cancellation
                // surfaces the work's clean-up (temporary files) is done; other callers just stop waiting.
                return ReferenceEquals(entry, created)
                    ? await task.ConfigureAwait(false)
                    : await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch when (task.IsCanceled || task.IsFaulted)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                if (!task.IsCanceled || cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
            }
        }
    }

    // Awaiting inside an async method turns a factory that throws synchronously into a faulted task, which the
    // removal above then forgets, instead of an exception the Lazy would cache for ever.
    private static async Task<TValue> RunAsync(Func<CancellationToken, Task<TValue>> factory, CancellationToken cancellationToken) =>
        await factory(cancellationToken).ConfigureAwait(false);
}
