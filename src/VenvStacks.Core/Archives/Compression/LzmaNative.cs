using System.Runtime.InteropServices;

namespace VenvStacks.Core.Archives.Compression;

/// <summary>
/// The system liblzma (xz-utils 5.2 or later), loaded by name at first use and called through unmanaged function
/// pointers, so that a missing library is a coded error (VSTK4007) at the point of use rather than a
/// <see cref="DllNotFoundException"/> at an arbitrary call. .NET has no xz codec of its own, and a managed port
/// would be several times slower than the library every Linux and macOS machine already has.
/// </summary>
internal sealed unsafe class LzmaNative
{
    private static readonly Lazy<LzmaNative?> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private LzmaNative(nint library)
    {
        StreamEncoderMt = (delegate* unmanaged<LzmaStream*, LzmaMtOptions*, LzmaResult>)NativeLibrary.GetExport(library, "lzma_stream_encoder_mt");
        StreamDecoder = (delegate* unmanaged<LzmaStream*, ulong, uint, LzmaResult>)NativeLibrary.GetExport(library, "lzma_stream_decoder");
        Code = (delegate* unmanaged<LzmaStream*, LzmaAction, LzmaResult>)NativeLibrary.GetExport(library, "lzma_code");
        End = (delegate* unmanaged<LzmaStream*, void>)NativeLibrary.GetExport(library, "lzma_end");
    }

    /// <summary>The file names tried, per platform, in order.</summary>
    public static IReadOnlyList<string> CandidateNames { get; } =
        OperatingSystem.IsWindows() ? ["liblzma.dll", "lzma.dll"]
        : OperatingSystem.IsMacOS() ? ["liblzma.5.dylib", "/opt/homebrew/lib/liblzma.5.dylib", "/usr/local/lib/liblzma.5.dylib"]
        : ["liblzma.so.5", "liblzma.so"];

    public delegate* unmanaged<LzmaStream*, LzmaMtOptions*, LzmaResult> StreamEncoderMt { get; }

    public delegate* unmanaged<LzmaStream*, ulong, uint, LzmaResult> StreamDecoder { get; }

    public delegate* unmanaged<LzmaStream*, LzmaAction, LzmaResult> Code { get; }

    public delegate* unmanaged<LzmaStream*, void> End { get; }

    /// <summary>The loaded library, or VSTK4007 naming the archive that needed it.</summary>
    public static LzmaNative Require(string archivePath) =>
        Loaded.Value ?? throw new ArchiveException(
            Diagnostics.DiagnosticCodes.LzmaUnavailable,
            archivePath,
            null,
            $".tar.xz needs the system liblzma (xz-utils 5.2 or later), which could not be loaded (tried {string.Join(", ", CandidateNames)}). "
            + "Install it (Debian/Ubuntu: liblzma5; Fedora: xz-libs; macOS: brew install xz), or use the .tar.zst or .zip format.");

    private static LzmaNative? Load()
    {
        foreach (var name in CandidateNames)
        {
            if (NativeLibrary.TryLoad(name, out var library))
            {
                try
                {
                    return new LzmaNative(library);
                }
                catch (EntryPointNotFoundException)
                {
                    // A liblzma older than 5.2 has no multi-threaded encoder; try the next candidate.
                    NativeLibrary.Free(library);
                }
            }
        }

        return null;
    }
}
