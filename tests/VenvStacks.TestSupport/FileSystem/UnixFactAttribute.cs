using Xunit;

namespace VenvStacks.TestSupport.FileSystem;

/// <summary>A fact about named pipes, sockets or Unix symbolic links: skipped with a message on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs Unix file types (named pipes, sockets, symbolic links without privileges).";
        }
    }
}
