using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VenvStacks.Packaging.Index;
using VenvStacks.Tasks;

namespace VenvStacks.Sdk.Tests.Tasks;

/// <summary>
/// What the console hears about the package index at the default verbosity (issue 12, item 12): retries as they
/// happen, and a notice while nothing arrives for a while; every event in the detailed log.
/// </summary>
public sealed class IndexActivityLogTests
{
    private const string Step = "Locking framework-sci for linux_x86_64";

    private readonly RecordingBuildEngine _engine = new();
    private readonly ManualTime _time = new();
    private readonly IndexActivityLog _activity;

    public IndexActivityLogTests() =>
        _activity = new IndexActivityLog(new TaskLoggingHelper(_engine, "LockLayers"), _time) { LongWait = TimeSpan.FromSeconds(15) };

    [Fact]
    public void A_retry_is_a_high_importance_line_and_other_events_are_detail()
    {
        _activity.Record(new IndexEvent(IndexEventKind.PageDownloaded, "http://127.0.0.1/simple/a/", "10 bytes"));
        _activity.Record(new IndexEvent(IndexEventKind.Retrying, "http://127.0.0.1/simple/b/", "HTTP 503; attempt 2 in 500 ms"));

        High().ShouldBe(["Package index: retrying http://127.0.0.1/simple/b/ (HTTP 503; attempt 2 in 500 ms)"]);
        _engine.Messages.Where(m => m.Importance == MessageImportance.Low).ShouldHaveSingleItem().Message.ShouldNotBeNull().ShouldContain("/simple/a/");
    }

    [Fact]
    public void A_long_silence_while_locking_is_reported_once_per_period_and_named_after_the_step()
    {
        _activity.ReportLongWait();
        _time.Advance(TimeSpan.FromMinutes(1));
        _activity.ReportLongWait();
        High().ShouldBeEmpty("nothing is being locked yet");

        _activity.Progress(Step);
        _time.Advance(TimeSpan.FromSeconds(14));
        _activity.ReportLongWait();
        _time.Advance(TimeSpan.FromSeconds(1));
        _activity.ReportLongWait();
        _time.Advance(TimeSpan.FromSeconds(1));
        _activity.ReportLongWait();
        _time.Advance(TimeSpan.FromSeconds(14));
        _activity.ReportLongWait();

        High().ShouldBe(
        [
            Step,
            Step + ": still waiting, nothing received from the package index for 15 s",
            Step + ": still waiting, nothing received from the package index for 30 s",
        ]);
    }

    [Fact]
    public void Index_activity_restarts_the_count()
    {
        _activity.Progress(Step);
        _time.Advance(TimeSpan.FromSeconds(10));
        _activity.Record(new IndexEvent(IndexEventKind.PageNotModified, "http://127.0.0.1/simple/a/"));
        _time.Advance(TimeSpan.FromSeconds(10));
        _activity.ReportLongWait();

        High().ShouldBe([Step]);
    }

    private List<string?> High() => [.. _engine.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message)];

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
