using System.Runtime.InteropServices;

namespace VenvStacks.Core.Archives.Compression;

/// <summary><c>lzma_mt</c>, the options of <c>lzma_stream_encoder_mt</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LzmaMtOptions
{
    public uint Flags;
    public uint Threads;
    public ulong BlockSize;
    public uint TimeoutMilliseconds;
    public uint Preset;
    public nint Filters;
    public int Check;
    public int ReservedEnum1;
    public int ReservedEnum2;
    public int ReservedEnum3;
    public uint ReservedInt1;
    public uint ReservedInt2;
    public uint ReservedInt3;
    public uint ReservedInt4;
    public ulong MemlimitThreading;
    public ulong MemlimitStop;
    public ulong ReservedInt7;
    public ulong ReservedInt8;
    public nint ReservedPtr1;
    public nint ReservedPtr2;
    public nint ReservedPtr3;
    public nint ReservedPtr4;
}
