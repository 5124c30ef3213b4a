using Microsoft.Build.Framework;
using VenvStacks.Tasks;

namespace VenvStacks.Sdk.Tests.Tasks;

/// <summary>Every VenvStacks task turns an unexpected exception into one coded error, never a crash.</summary>
public sealed class VenvStacksTaskTests
{
    [Fact]
    public void An_unexpected_exception_becomes_one_VSTK9999_error_without_a_stack_trace()
    {
        var engine = new RecordingBuildEngine();
        var task = new ThrowingTask(new InvalidOperationException("the {engine} fell over")) { BuildEngine = engine };

        task.Execute().ShouldBeFalse();

        var error = engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("VSTK9999");
        var message = error.Message.ShouldNotBeNull();
        message.ShouldContain(nameof(ThrowingTask));
        message.ShouldContain("the {engine} fell over", customMessage: "braces in exception messages are not format items");
        message.ShouldNotContain(" at ");
    }

    [Fact]
    public void The_stack_trace_of_an_internal_error_goes_to_the_detailed_log_only()
    {
        var engine = new RecordingBuildEngine();
        var task = new ThrowingTask(new InvalidOperationException("boom")) { BuildEngine = engine };

        task.Execute();

        engine.Messages.ShouldContain(m => m.Importance == MessageImportance.Low && m.Message!.Contains(nameof(ThrowingTask.Throw)));
        engine.Messages.Where(m => m.Importance != MessageImportance.Low).ShouldBeEmpty();
    }

    [Fact]
    public void A_task_succeeds_exactly_when_it_logged_no_error()
    {
        var quiet = new LoggingTask(logError: false) { BuildEngine = new RecordingBuildEngine() };
        var failing = new LoggingTask(logError: true) { BuildEngine = new RecordingBuildEngine() };

        quiet.Execute().ShouldBeTrue();
        failing.Execute().ShouldBeFalse();
    }

    private sealed class ThrowingTask(Exception exception) : VenvStacksTask
    {
        protected override void ExecuteCore() => Throw();

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        internal void Throw() => throw exception;
    }

    private sealed class LoggingTask(bool logError) : VenvStacksTask
    {
        protected override void ExecuteCore()
        {
            Log.LogWarning("just a warning");
            if (logError)
            {
                Log.LogError("an error");
            }
        }
    }
}
