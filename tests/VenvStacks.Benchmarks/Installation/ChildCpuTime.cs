using System.Runtime.InteropServices;

namespace VenvStacks.Benchmarks.Installation;

/// <summary>
/// The CPU time (user + system) of every finished child process and its descendants, from <c>getrusage(RUSAGE_CHILDREN)</c>
/// on Linux: the difference around one run is that run's CPU cost, which a busy shared machine disturbs far less than
/// wall-clock time. Null elsewhere.
/// </summary>
internal static partial class ChildCpuTime
{
    private const int RusageChildren = -1;

    public static TimeSpan? Read()
    {
        if (!OperatingSystem.IsLinux() || GetRUsage(RusageChildren, out var usage) != 0)
        {
            return null;
        }

        return TimeSpan.FromMicroseconds((usage.UserSeconds * 1_000_000.0) + usage.UserMicroseconds + (usage.SystemSeconds * 1_000_000.0) + usage.SystemMicroseconds);
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);

    // struct rusage on 64-bit Linux: two struct timeval, then fourteen longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlocksIn;
        public long BlocksOut;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
