using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace VenvStacks.Sdk.Tests.Locking;

/// <summary>Ctrl+C for a child process, and the processes it started (Linux and macOS).</summary>
internal static class ProcessTree
{
    private const int SigInt = 2;

    /// <summary>Whether <see cref="Interrupt"/> and <see cref="Descendants"/> work on this system.</summary>
    public static bool SupportsSignals => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Sends SIGINT, what Ctrl+C in a terminal sends: the dotnet CLI then cancels the build gracefully.</summary>
    public static void Interrupt(int processId)
    {
        if (NativeMethods.kill(processId, SigInt) != 0)
        {
            throw new Win32Exception(Marshal.GetLastWin32Error(), $"kill -INT {processId} failed");
        }
    }

    /// <summary>Every process below <paramref name="processId"/> (children, their children, ...).</summary>
    public static IReadOnlyList<int> Descendants(int processId)
    {
        var parents = ParentsByProcess();
        var found = new List<int>();
        var frontier = new Queue<int>([processId]);
        while (frontier.Count > 0)
        {
            var parent = frontier.Dequeue();
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Whether a process still runs (a zombie waiting to be reaped does not count).</summary>
    public static bool IsRunning(int processId)
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = Path.Combine("/proc", processId.ToString(CultureInfo.InvariantCulture), "stat");
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
                return state is not ("Z" or "X");
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Dictionary<int, int> ParentsByProcess()
    {
        var parents = new Dictionary<int, int>();
        if (OperatingSystem.IsLinux())
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                try
                {
                    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
                    var text = File.ReadAllText(Path.Combine(directory, "stat"));
                    var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The process ended while we looked.
                }
            }

            return parents;
        }

        var ps = new ProcessStartInfo("ps", "-A -o pid= -o ppid=") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(ps)!;
        foreach (var line in process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2)
            {
                parents[int.Parse(parts[0], CultureInfo.InvariantCulture)] = int.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        process.WaitForExit();
        return parents;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // The C function's own name.
        public static extern int kill(int pid, int sig);
#pragma warning restore SA1300, IDE1006
    }
}
