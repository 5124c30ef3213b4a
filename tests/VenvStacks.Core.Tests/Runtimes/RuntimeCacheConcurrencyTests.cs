using System.Diagnostics;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Runtimes;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Runtimes;

public sealed class RuntimeCacheConcurrencyTests(TestRuntimesFixture fixture) : RuntimeIntegrationTest(fixture)
{
    [TestRuntimeFact]
    public async Task A_crashed_extraction_left_behind_is_detected_and_redone()
    {
        var runtime = Runtimes.For("3.12");
        var entry = Scratch.EntryFor(runtime);
        var staging = Path.Combine(Scratch.RuntimesFolder, $".{entry.Name}.0badc0de.partial");
        Plant(Path.Combine(staging, "python", "bin", "python3"));
        Plant(Path.Combine(entry.RuntimeDirectory, "lib", "half-written.py"));

        var provided = await ProvideAsync(runtime);

        provided.Extracted.ShouldBeTrue();
        Scratch.CachedEntries().ShouldBe([entry.Name]);
        File.Exists(Path.Combine(entry.RuntimeDirectory, "lib", "half-written.py")).ShouldBeFalse();
        entry.TryReadComplete().ShouldNotBeNull().Sha256.ShouldBe(runtime.Sha256);
    }

    [TestRuntimeFact]
    public async Task An_entry_whose_interpreter_went_missing_is_redone()
    {
        var runtime = Runtimes.For("3.12");
        var first = await ProvideAsync(runtime);
        File.Delete(first.Interpreter);

        var again = await ProvideAsync(runtime);

        again.Extracted.ShouldBeTrue();
        File.Exists(again.Interpreter).ShouldBeTrue();
        Scratch.CachedEntries().ShouldBe([Scratch.EntryFor(runtime).Name]);
    }

    [TestRuntimeFact]
    public async Task Two_concurrent_providers_extract_once_and_the_other_waits_and_reuses_it()
    {
        var runtime = Runtimes.For("3.11");
        var entry = Scratch.EntryFor(runtime);
        var waiting = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        Task<ProvidedRuntime>[] providers;

        // Holding the entry's lock first makes both providers meet it, whatever the scheduling.
        using (await RuntimeCacheLock.AcquireAsync(entry.LockFile, TimeSpan.FromMinutes(1), null, CancellationToken.None))
        {
            providers = waiting.Select(signal =>
                Task.Run(() => ProvideAsync(runtime, progress: ProgressLog.On(RuntimeProgressKind.WaitingForLock, () => signal.TrySetResult())))).ToArray();
            await Task.WhenAll(waiting.Select(w => w.Task)).WaitAsync(TimeSpan.FromMinutes(2));
        }

        var results = await Task.WhenAll(providers);

        results.Count(r => r.Extracted).ShouldBe(1);
        results.Select(r => r.Directory).Distinct().ShouldBe([entry.RuntimeDirectory]);
        Scratch.CachedEntries().ShouldBe([entry.Name]);
    }

    [TestRuntimeFact]
    public async Task Two_processes_extract_once_and_the_other_waits_and_reuses_it()
    {
        var runtime = Runtimes.For("3.11");
        var entry = Scratch.EntryFor(runtime);
        using var child = StartChild(runtime);
        var childWaiting = new TaskCompletionSource();
        var childLines = new List<string>();
        child.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (childLines)
                {
                    childLines.Add(text);
                }

                if (text == "progress " + RuntimeProgressKind.WaitingForLock)
                {
                    childWaiting.TrySetResult();
                }
            }
        };
        child.BeginOutputReadLine();
        var childErrors = child.StandardError.ReadToEndAsync();
        try
        {
            var parentWaiting = new TaskCompletionSource();
            Task<ProvidedRuntime> parent;
            using (await RuntimeCacheLock.AcquireAsync(entry.LockFile, TimeSpan.FromMinutes(1), null, CancellationToken.None))
            {
                parent = Task.Run(() => ProvideAsync(runtime, progress: ProgressLog.On(RuntimeProgressKind.WaitingForLock, () => parentWaiting.TrySetResult())));
                // A child that fails before waiting ends the wait too; the checks below then show its error.
                await Task.WhenAll(Task.WhenAny(childWaiting.Task, child.WaitForExitAsync()), parentWaiting.Task).WaitAsync(TimeSpan.FromMinutes(2));
            }

            var inProcess = await parent;
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            child.ExitCode.ShouldBe(0, await childErrors);

            string result;
            lock (childLines)
            {
                result = childLines.Single(l => l.StartsWith("extracted ", StringComparison.Ordinal));
            }

            var childExtracted = result.StartsWith("extracted True ", StringComparison.Ordinal);
            result.ShouldEndWith(" " + entry.RuntimeDirectory);
            (childExtracted ^ inProcess.Extracted).ShouldBeTrue($"exactly one process extracts (child: {result}, this one: {inProcess.Extracted})");
            Scratch.CachedEntries().ShouldBe([entry.Name]);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
    }

    [TestRuntimeFact]
    public async Task Canceling_during_the_download_leaves_no_runtime_and_no_partial_file()
    {
        var runtime = Runtimes.For("3.12");
        await using var server = Runtimes.Serve();
        using var cancel = new CancellationTokenSource();
        var progress = ProgressLog.On(RuntimeProgressKind.DownloadStarted, cancel.Cancel);

        await Should.ThrowAsync<OperationCanceledException>(() =>
            ProvideAsync(runtime, Scratch.Options(server.UriOf(TestRuntimes.DownloadsFileName).AbsoluteUri), progress, cancellationToken: cancel.Token));

        progress.Kinds.ShouldBe([RuntimeProgressKind.DownloadStarted]);
        Scratch.CachedEntries().ShouldBeEmpty();
        Scratch.DownloadCacheFiles().ShouldBeEmpty();
    }

    [TestRuntimeFact]
    public async Task Canceling_when_extraction_starts_leaves_no_runtime_and_the_next_build_extracts()
    {
        var runtime = Runtimes.For("3.12");
        using var cancel = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            ProvideAsync(runtime, progress: ProgressLog.On(RuntimeProgressKind.Extracting, cancel.Cancel), cancellationToken: cancel.Token));

        Scratch.CachedEntries().ShouldBeEmpty();
        (await ProvideAsync(runtime)).Extracted.ShouldBeTrue();
    }

    [TestRuntimeFact]
    public async Task Waiting_for_the_lock_honours_cancellation_and_its_time_limit()
    {
        var runtime = Runtimes.For("3.12");
        var entry = Scratch.EntryFor(runtime);
        using var held = await RuntimeCacheLock.AcquireAsync(entry.LockFile, TimeSpan.FromMinutes(1), null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiter = ProgressLog.On(RuntimeProgressKind.WaitingForLock, cancel.Cancel);
        await Should.ThrowAsync<OperationCanceledException>(() => ProvideAsync(runtime, progress: waiter, cancellationToken: cancel.Token));
        waiter.Kinds.ShouldBe([RuntimeProgressKind.WaitingForLock]);

        var error = await Should.ThrowAsync<RuntimeException>(() =>
            ProvideAsync(runtime, Scratch.Options(Runtimes.DownloadsJson) with { LockTimeout = TimeSpan.Zero }));
        error.Descriptor.ShouldBe(DiagnosticCodes.RuntimeCacheLocked);
        error.Message.ShouldContain(entry.LockFile);
        Scratch.CachedEntries().ShouldBeEmpty();
    }

    private Process StartChild(TestRuntimeArchive runtime)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     typeof(RuntimeProviderProcess).Assembly.Location, RuntimeProviderProcess.Command, Runtimes.DownloadsJson,
                     Scratch.CacheRoot, runtime.PythonImplementation, runtime.Platform,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static void Plant(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "left by a crash");
    }
}
