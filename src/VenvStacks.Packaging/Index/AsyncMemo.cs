using System.Collections.Concurrent;

namespace VenvStacks.Packaging.Index;

/// <summary>
/// Runs an asynchronous lookup once per key for the lifetime of a client, sharing it between concurrent callers.
/// Failures are not remembered (the next call tries again), and a caller whose own token is not cancelled never
/// inherits another caller's cancellation: it starts the work again.
/// </summary>
internal sealed class AsyncMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> entries = new();

    public async Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> factory, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = entries.GetOrAdd(key, _ => new Lazy<Task<TValue>>(() => factory(cancellationToken)));
            var task = entry.Value;
            try
            {
                return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch when (task.IsCanceled || task.IsFaulted)
            {
                entries.TryRemove(KeyValuePair.Create(key, entry));
                if (!task.IsCanceled || cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
            }
        }
    }
}
