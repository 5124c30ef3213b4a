namespace VenvStacks.TestSupport.Runtimes;

/// <summary>One runtime archive of <see cref="TestRuntimes"/>, as its download table describes it.</summary>
/// <param name="Version">The exact CPython version, <c>X.Y.Z</c> (the table's key).</param>
/// <param name="Platform">The venvstacks target platform, for example <c>linux_x86_64</c>.</param>
/// <param name="Variant">Always <c>install_only_stripped</c>.</param>
/// <param name="ReleaseTag">The release tag in the file name (<c>20990101</c> unless <c>SOURCE_DATE_EPOCH</c> was set).</param>
/// <param name="Triple">The target triple in the file name.</param>
/// <param name="Url">The table's <c>url</c> as written: relative to the table (<c>+</c> escaped as <c>%2B</c>).</param>
/// <param name="Path">The archive on disk.</param>
/// <param name="Sha256">Lower-case hex sha256 of the archive (from the table, checked against the file).</param>
public sealed record TestRuntimeArchive(
    string Version,
    string Platform,
    string Variant,
    string ReleaseTag,
    string Triple,
    string Url,
    string Path,
    string Sha256)
{
    /// <summary>The archive file name.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary><c>X.Y</c>.</summary>
    public string MinorVersion => string.Join('.', Version.Split('.').Take(2));

    /// <summary>The spec value that selects this runtime, <c>cpython@X.Y.Z</c>.</summary>
    public string PythonImplementation => "cpython@" + Version;

    /// <summary>The size of the archive in bytes.</summary>
    public long Size => new FileInfo(Path).Length;
}
