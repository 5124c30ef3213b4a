namespace VenvStacks.TestSupport.Runtimes;

/// <summary>
/// An exclusive lock on a file, held across processes (test projects run in parallel hosts) and within one: the
/// file is opened with <see cref="FileShare.None"/>, which .NET enforces with an advisory lock on Unix and a share
/// mode on Windows, so a holder that dies releases it with its process.
/// </summary>
public sealed class CrossProcessLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private readonly FileStream _stream;

    private CrossProcessLock(FileStream stream) => _stream = stream;

    /// <summary>Waits until the lock on <paramref name="lockFile"/> (created if needed) is free, then holds it.</summary>
    /// <exception cref="TimeoutException">It stayed taken for <paramref name="timeout"/>.</exception>
    public static async Task<CrossProcessLock> AcquireAsync(string lockFile, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockFile))!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new CrossProcessLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"The lock {lockFile} stayed taken for {timeout}.", e);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
