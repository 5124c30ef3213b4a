namespace VenvStacks.Core.Environments;

/// <summary>A lower layer's Windows DLL folder as <c>sitecustomize.py</c> registers it.</summary>
/// <param name="Path">The absolute path written into the file.</param>
/// <param name="Exists">Whether the folder exists (<c>os.add_dll_directory</c> fails for missing ones, so they are skipped).</param>
public sealed record DllDirectoryEntry(string Path, bool Exists);
