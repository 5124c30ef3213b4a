using VenvStacks.Core.Archives.Writing;

namespace VenvStacks.Core.Archives.Tar;

/// <summary>
/// Writes a reproducible tar stream (docs/venvstacks-reference.md §4.4): every entry under one top-level folder,
/// owner and group <c>root</c> (0/0), the given time, canonical modes (<see cref="EntryModes"/>); symbolic links
/// as links. The end is two zero blocks padded to tarfile's 10 KiB record.
/// </summary>
internal sealed class TarStreamWriter : IArchiveEntryWriter
{
    private const string Owner = "root";

    private readonly OutputBuffer _output;
    private readonly string _rootName;
    private readonly long _mtime;

    public TarStreamWriter(OutputBuffer output, string rootName, long mtime)
    {
        _output = output;
        _rootName = rootName;
        _mtime = mtime;
    }

    public long BytesIn => _output.Total;

    public void AddDirectory(string relativePath) =>
        WriteHeader(EntryName(relativePath) + "/", TarHeader.Directory, EntryModes.Directory, 0, string.Empty);

    public void AddSymbolicLink(string relativePath, string target) =>
        WriteHeader(EntryName(relativePath), TarHeader.SymbolicLink, EntryModes.SymbolicLink, 0, target);

    public void AddFile(string relativePath, ArchiveFileData data, bool executable)
    {
        WriteHeader(EntryName(relativePath), TarHeader.RegularFile, EntryModes.File(executable), data.Length, string.Empty);
        long offset = 0;
        while (offset < data.Length)
        {
            var span = _output.GetSpan(1);
            var wanted = (int)Math.Min(span.Length, data.Length - offset);
            var read = data.Read(span[..wanted], offset);
            _output.Advance(read);
            offset += read;
        }

        _output.WriteZeros(TarHeader.Padded(data.Length) - data.Length);
    }

    public void Complete()
    {
        _output.WriteZeros(2 * TarHeader.BlockSize);
        var remainder = _output.Total % TarHeader.RecordSize;
        if (remainder != 0)
        {
            _output.WriteZeros(TarHeader.RecordSize - remainder);
        }

        _output.Flush();
    }

    public void Dispose()
    {
    }

    private string EntryName(string relativePath) =>
        relativePath.Length == 0 ? _rootName : _rootName + "/" + relativePath;

    private void WriteHeader(string name, byte type, int mode, long size, string linkName)
    {
        var span = _output.GetSpan(TarHeader.MaxEncodedLength(name, linkName));
        _output.Advance(TarHeader.Encode(span, name, type, mode, size, _mtime, linkName, Owner));
    }
}
