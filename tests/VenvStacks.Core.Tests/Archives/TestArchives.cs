using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using VenvStacks.Core.Archives;
using VenvStacks.Core.Archives.Compression;

namespace VenvStacks.Core.Tests.Archives;

/// <summary>
/// Builds archives entry by entry, including the hostile ones no honest writer makes: tar through
/// <see cref="TarWriter"/> (which stores any name, link or device given to it) and our compressors, zip through
/// <see cref="ZipArchive"/> with Unix modes in the external attributes.
/// </summary>
internal static class TestArchives
{
    public static readonly ArchiveFormat[] ReaderFormats = [ArchiveFormat.TarGz, ArchiveFormat.TarXz, ArchiveFormat.TarZst, ArchiveFormat.Tar, ArchiveFormat.Zip];

    public static readonly ArchiveFormat[] TarFormats = [ArchiveFormat.TarGz, ArchiveFormat.TarXz, ArchiveFormat.TarZst, ArchiveFormat.Tar];

    public static TheoryData<ArchiveFormat> Readers => new(ReaderFormats);

    public static TheoryData<ArchiveFormat> Tars => new(TarFormats);

    /// <summary>Writes <paramref name="entries"/> to <c>{directory}/{baseName}{extension}</c> and returns the path.</summary>
    public static string Write(string directory, string baseName, ArchiveFormat format, params TestEntry[] entries)
    {
        var path = Path.Combine(directory, baseName + ArchiveFormats.Extension(format));
        using var file = File.Create(path);
        if (format == ArchiveFormat.Zip)
        {
            WriteZip(file, entries);
        }
        else
        {
            using var encoder = ArchiveEncoder.Create(format, file, new ArchiveCompression(Level: 1), path);
            using (var writer = new TarWriter(encoder.Input, TarEntryFormat.Pax, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    writer.WriteEntry(ToTar(entry));
                }
            }

            encoder.Finish();
        }

        return path;
    }

    private static PaxTarEntry ToTar(TestEntry entry)
    {
        var type = entry.Kind switch
        {
            ArchiveEntryKind.Directory => TarEntryType.Directory,
            ArchiveEntryKind.SymbolicLink => TarEntryType.SymbolicLink,
            ArchiveEntryKind.HardLink => TarEntryType.HardLink,
            ArchiveEntryKind.Fifo => TarEntryType.Fifo,
            ArchiveEntryKind.CharacterDevice => TarEntryType.CharacterDevice,
            ArchiveEntryKind.BlockDevice => TarEntryType.BlockDevice,
            _ => TarEntryType.RegularFile,
        };
        var tar = new PaxTarEntry(type, entry.Name)
        {
            Mode = (UnixFileMode)entry.Mode,
            ModificationTime = new DateTimeOffset(2024, 1, 2, 3, 4, 6, TimeSpan.Zero),
        };
        if (entry.LinkTarget is { } target)
        {
            tar.LinkName = target;
        }

        if (type == TarEntryType.RegularFile)
        {
            tar.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(entry.Content ?? string.Empty));
        }

        return tar;
    }

    private static void WriteZip(Stream file, TestEntry[] entries)
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in entries)
        {
            var type = entry.Kind switch
            {
                ArchiveEntryKind.Directory => 0x4000,
                ArchiveEntryKind.SymbolicLink => 0xA000,
                ArchiveEntryKind.Fifo => 0x1000,
                ArchiveEntryKind.CharacterDevice => 0x2000,
                ArchiveEntryKind.BlockDevice => 0x6000,
                ArchiveEntryKind.HardLink => throw new ArgumentException("zip has no hard links"),
                _ => 0x8000,
            };
            var zipEntry = zip.CreateEntry(entry.Kind == ArchiveEntryKind.Directory && !entry.Name.EndsWith('/') ? entry.Name + "/" : entry.Name);
            zipEntry.ExternalAttributes = (type | entry.Mode) << 16;
            var content = entry.LinkTarget ?? entry.Content;
            if (content is not null)
            {
                using var stream = zipEntry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
    }
}

/// <summary>One entry for <see cref="TestArchives"/>.</summary>
internal sealed record TestEntry(string Name, ArchiveEntryKind Kind, string? Content = null, string? LinkTarget = null, int Mode = 0b110_100_100)
{
    public static TestEntry File(string name, string content = "data\n", int mode = 0b110_100_100) => new(name, ArchiveEntryKind.File, content, Mode: mode);

    public static TestEntry Folder(string name) => new(name, ArchiveEntryKind.Directory, Mode: 0b111_101_101);

    public static TestEntry Symlink(string name, string target) => new(name, ArchiveEntryKind.SymbolicLink, LinkTarget: target, Mode: 0b111_111_111);

    public static TestEntry HardLink(string name, string target) => new(name, ArchiveEntryKind.HardLink, LinkTarget: target);

    public static TestEntry Special(string name, ArchiveEntryKind kind) => new(name, kind);
}
