using VenvStacks.Core.Specs;
using VenvStacks.Core.Status;

namespace VenvStacks.Tasks;

/// <summary>The status report the tasks show and expose.</summary>
internal static class StackStatus
{
    /// <summary>
    /// The status of every enabled layer with its lower layers. Lock state is reported as "no valid lock" for every
    /// layer until lock files are read by the lock engine; versioned layers therefore show <c>@???</c>.
    /// </summary>
    public static StackStatusReport Of(StackSpec spec) =>
        StackStatusBuilder.Build(spec, _ => LayerLockSummary.Unlocked, includeDependencies: true);
}
