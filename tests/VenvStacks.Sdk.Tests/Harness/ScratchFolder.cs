using VenvStacks.TestSupport.Sdk;

namespace VenvStacks.Sdk.Tests.Harness;

/// <summary>A fresh temp folder removed again at the end of a test.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string prefix) =>
        Path = System.IO.Path.GetFullPath(TempDirectory.CreateUnder(System.IO.Path.GetTempPath(), "venvstacks-" + prefix));

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => TempDirectory.DeleteQuietly(Path);
}
