namespace VenvStacks.Core.Runtimes;

/// <summary>
/// A runtime ready in the machine-wide cache. <see cref="Directory"/> is shared by every build on the machine: treat
/// it as read-only and copy it into a layer with <see cref="RuntimeLayerMaterializer"/>.
/// </summary>
/// <param name="Directory">The unpacked runtime (python-build-standalone's <c>python/</c> folder, pip, setuptools and
/// wheel removed).</param>
/// <param name="Archive">The table entry it was made from.</param>
/// <param name="Source">Where the archive was taken from when it was extracted (credential-free; a mirror's URL or
/// file when one was used).</param>
/// <param name="Layout">Where the interpreter and site-packages are inside it.</param>
/// <param name="RemovedDistributions">What was removed after extraction (<c>pip 24.0</c>, ...).</param>
/// <param name="Extracted">Whether this call extracted it (false: an earlier build, or a concurrent one this call
/// waited for, did).</param>
public sealed record ProvidedRuntime(
    string Directory,
    RuntimeArchive Archive,
    string Source,
    RuntimeLayout Layout,
    IReadOnlyList<string> RemovedDistributions,
    bool Extracted)
{
    /// <summary>The CPython version, <c>X.Y.Z</c>.</summary>
    public string Version => Archive.Version;

    /// <summary>The verified sha256 of the archive.</summary>
    public string ArchiveSha256 => Archive.Sha256!;

    /// <summary>The interpreter: <c>{Directory}/bin/python3</c> or <c>{Directory}\python.exe</c>.</summary>
    public string Interpreter => Path.Combine(Directory, Layout.Interpreter);

    /// <summary>The runtime's site-packages folder.</summary>
    public string SitePackages => Path.Combine(Directory, Layout.SitePackages);
}
