using VenvStacks.Core.Locking;
using VenvStacks.Core.Specs;
using VenvStacks.Core.Status;

namespace VenvStacks.Tasks;

/// <summary>The status report the tasks show and expose.</summary>
internal static class StackStatus
{
    /// <summary>
    /// The status of every enabled layer with its lower layers, with each lock checked against the spec (files only,
    /// never the network), so versioned layers show their deployed <c>name@N</c> once locked.
    /// </summary>
    public static StackStatusReport Of(StackSpec spec) =>
        StackStatusBuilder.Build(spec, LockStateReader.Summaries(spec), includeDependencies: true);
}
