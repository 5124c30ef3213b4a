using System.Diagnostics;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Runtimes;

/// <summary>
/// An exclusive lock on one runtime cache entry, across processes and within one: a lock file opened with
/// <see cref="FileShare.None"/>, which .NET enforces with an advisory lock on Unix and a share mode on Windows, so a
/// holder that dies releases it with its process (docs/architecture.md#msbuild-sdk-practice: shared caches are safe
/// for concurrent builds). The file itself is never deleted: a waiter may already have it open, and deleting it would
/// let a third process lock a new file while the waiter locks the old one.
/// </summary>
internal sealed class RuntimeCacheLock : IDisposable
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(1);

    private readonly FileStream _stream;

    private RuntimeCacheLock(FileStream stream) => _stream = stream;

    /// <summary>Waits until the lock is free, then holds it.</summary>
    /// <param name="lockFile">The lock file (created, with its folder, if needed).</param>
    /// <param name="timeout">How long to wait at most; <see cref="Timeout.InfiniteTimeSpan"/> waits until canceled.</param>
    /// <param name="waiting">Called once, when the lock turns out to be taken.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="RuntimeException">VSTK3011 after <paramref name="timeout"/>; VSTK3012 when the file cannot be
    /// created at all.</exception>
    public static async Task<RuntimeCacheLock> AcquireAsync(string lockFile, TimeSpan timeout, Action? waiting, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeException(DiagnosticCodes.RuntimeCacheFailure, $"The runtime cache folder for {lockFile} cannot be created: {e.Message}", null, e);
        }

        var clock = Stopwatch.StartNew();
        var delay = FirstDelay;
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new RuntimeCacheLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException e)
            {
                throw new RuntimeException(DiagnosticCodes.RuntimeCacheFailure, $"The runtime cache lock {lockFile} cannot be opened: {e.Message}", null, e);
            }
            catch (IOException e)
            {
                if (timeout != Timeout.InfiniteTimeSpan && clock.Elapsed >= timeout)
                {
                    throw new RuntimeException(
                        DiagnosticCodes.RuntimeCacheLocked,
                        $"Another build held the runtime cache lock {lockFile} for longer than {timeout.TotalMinutes:0.#} minutes ({e.Message}). "
                        + "If no other build is running, a process that hangs may hold it.",
                        null,
                        e);
                }

                if (attempt == 0)
                {
                    waiting?.Invoke();
                }
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
