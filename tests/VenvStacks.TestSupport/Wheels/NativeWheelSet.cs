using VenvStacks.TestSupport.Python;

namespace VenvStacks.TestSupport.Wheels;

/// <summary>
/// The native test wheels built by <see cref="NativeWheelBuilder"/> for one CPython, all in <see cref="Folder"/> (a
/// find-links folder):
/// <list type="bullet">
/// <item><see cref="CExtension"/>: <c>cext-demo</c>, a C extension module (<c>cext_demo.add(2, 3) == 5</c>);</item>
/// <item><see cref="SharedLibrary"/>: <c>sharedlib-demo</c>, ships <c>sharedlib_demo/lib/libfoo.so</c> (SONAME
/// <c>libfoo.so</c>), a library venvstacks' dynlib scan links into <c>share/venv/dynlib</c> (docs/venvstacks-reference.md
/// §3.6); its Python package does not load it;</item>
/// <item><see cref="LinkedExtension"/>: <c>sharedlib-consumer</c> (requires <c>sharedlib-demo</c>), a C extension with
/// <c>DT_NEEDED libfoo.so</c> and no RPATH/RUNPATH: it imports only when the folder holding <c>libfoo.so</c> is on
/// <c>LD_LIBRARY_PATH</c>, that is for a higher layer, when the lower layer's <c>share/venv/dynlib</c> is;</item>
/// <item><see cref="VersionedSharedLibrary"/> and <see cref="VersionedLinkedExtension"/>: the same pair with a
/// versioned name, <c>libbar.so.1</c> (SONAME <c>libbar.so.1</c>), which the dynlib scan ignores (§9, "dynlib scan
/// ignores versioned sonames"), so the consumer does not load across layers.</item>
/// </list>
/// </summary>
/// <param name="Folder">The folder holding every wheel.</param>
/// <param name="Python">The interpreter the extensions were compiled for.</param>
/// <param name="PlatformTag">The platform tag of every wheel, for example
/// <c>manylinux_2_17_x86_64.manylinux2014_x86_64</c> (the machine code requires glibc 2.17 at most).</param>
/// <param name="CExtension">The plain C extension wheel.</param>
/// <param name="SharedLibrary">The wheel shipping <c>libfoo.so</c>.</param>
/// <param name="LinkedExtension">The extension linked against <c>libfoo.so</c> without RPATH.</param>
/// <param name="VersionedSharedLibrary">The wheel shipping <c>libbar.so.1</c>.</param>
/// <param name="VersionedLinkedExtension">The extension linked against <c>libbar.so.1</c> without RPATH.</param>
public sealed record NativeWheelSet(
    string Folder,
    TestPython Python,
    string PlatformTag,
    NativeWheel CExtension,
    NativeWheel SharedLibrary,
    NativeWheel LinkedExtension,
    NativeWheel VersionedSharedLibrary,
    NativeWheel VersionedLinkedExtension)
{
    /// <summary>Every wheel of the set.</summary>
    public IReadOnlyList<NativeWheel> All =>
        [CExtension, SharedLibrary, LinkedExtension, VersionedSharedLibrary, VersionedLinkedExtension];
}
