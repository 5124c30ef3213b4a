using Microsoft.Build.Framework;

namespace VenvStacks.Tasks;

/// <summary>
/// Base of tasks that do long asynchronous work (index requests, downloads): <see cref="Cancel"/> stops that work
/// promptly through a <see cref="CancellationToken"/>, and <see cref="RunYielding{T}"/> frees the MSBuild node for
/// other projects while it waits. A canceled run logs one VSTK5005 error and fails, so no later step of the target
/// (a stamp, say) records the work as done.
/// </summary>
public abstract class VenvStacksCancelableTask : VenvStacksTask, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly object _gate = new();
    private bool _disposed;
    private bool _cancellationLogged;

    /// <summary>Canceled when MSBuild cancels the build.</summary>
    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <inheritdoc />
    public void Cancel()
    {
        lock (_gate)
        {
            // MSBuild may call Cancel from its own thread at any time, even as the task finishes.
            if (!_disposed)
            {
                _cancellation.Cancel();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _cancellation.Dispose();
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected sealed override void ExecuteCore()
    {
        try
        {
            ExecuteCancelableCore();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            LogCanceled();
        }
    }

    /// <summary>The task's work; long waits go through <see cref="RunYielding{T}"/>.</summary>
    protected abstract void ExecuteCancelableCore();

    /// <summary>
    /// Runs <paramref name="work"/> to completion while this task has yielded its node (when the engine supports
    /// it), so MSBuild can build other projects meanwhile. The work must not depend on the current folder or the
    /// process environment, which MSBuild may change for those projects until the node is reacquired.
    /// </summary>
    protected T RunYielding<T>(Func<CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var engine = BuildEngine as IBuildEngine3;
        // Yield and Reacquire must happen on the same thread, so the work is waited for here, not awaited.
        engine?.Yield();
        try
        {
            return Task.Run(() => work(CancellationToken), CancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            // Logged before reacquiring: once the build is canceled, Reacquire throws MSBuild's
            // BuildAbortedException, which must reach MSBuild unchanged.
            LogCanceled();
            throw;
        }
        finally
        {
            engine?.Reacquire();
        }
    }

    private void LogCanceled()
    {
        if (!_cancellationLogged)
        {
            _cancellationLogged = true;
            Log.LogError(
                null, TaskDiagnosticCodes.Canceled, null, null, 0, 0, 0, 0,
                $"{GetType().Name} was canceled; files it had not finished were left as they were.");
        }
    }
}
