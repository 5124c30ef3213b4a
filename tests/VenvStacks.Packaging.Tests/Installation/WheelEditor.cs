using System.IO.Compression;
using System.Text;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Installation;

/// <summary>One archive entry of a wheel being edited: name, content and Unix mode (high bits of the external attributes).</summary>
internal sealed record EditableEntry(string Name, byte[] Content, int Mode = 0x81A4) // 0o100644
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>
/// Rewrites a built wheel entry by entry, so tests can forge what no honest builder writes: modes, links, duplicates,
/// content that disagrees with RECORD, rows that are missing. The result is written with the original file name.
/// </summary>
internal static class WheelEditor
{
    public const int Executable = 0x81ED; // 0o100755
    public const int SymbolicLink = 0xA1FF; // 0o120777

    /// <summary>The entries of <paramref name="wheel"/> after <paramref name="edit"/>, written into <paramref name="folder"/>.</summary>
    public static string Write(BuiltWheel wheel, string folder, Action<List<EditableEntry>> edit)
    {
        var entries = Read(wheel.Content);
        edit(entries);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, wheel.FileName);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var entry in entries)
            {
                var created = zip.CreateEntry(entry.Name, CompressionLevel.Fastest);
                created.ExternalAttributes = entry.Mode << 16;
                using var stream = created.Open();
                stream.Write(entry.Content);
            }
        }

        return path;
    }

    /// <summary>Replaces the content of the entry whose name ends with <paramref name="suffix"/>.</summary>
    public static void Replace(this List<EditableEntry> entries, string suffix, Func<EditableEntry, EditableEntry> change)
    {
        var index = entries.FindIndex(e => e.Name.EndsWith(suffix, StringComparison.Ordinal));
        entries[index] = change(entries[index]);
    }

    /// <summary>Rewrites the RECORD text.</summary>
    public static void EditRecord(this List<EditableEntry> entries, Func<string, string> change) =>
        entries.Replace(".dist-info/RECORD", e => e with { Content = Encoding.UTF8.GetBytes(change(e.Text)) });

    /// <summary>Rewrites the uncompressed size the central directory declares for <paramref name="entryName"/>.</summary>
    public static void ForgeDeclaredSize(string wheelPath, string entryName, uint declaredSize)
    {
        var bytes = File.ReadAllBytes(wheelPath);
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var offset = 0; offset + 46 < bytes.Length; offset++)
        {
            // Central directory file header: signature, ..., uncompressed size at +24, name length at +28, name at +46.
            if (BitConverter.ToUInt32(bytes, offset) == 0x02014b50
                && BitConverter.ToUInt16(bytes, offset + 28) == name.Length
                && bytes.AsSpan(offset + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(offset + 24, 4), declaredSize);
                File.WriteAllBytes(wheelPath, bytes);
                return;
            }
        }

        throw new InvalidOperationException($"{entryName} is not in {wheelPath}");
    }

    private static List<EditableEntry> Read(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return new EditableEntry(e.FullName, buffer.ToArray(), e.ExternalAttributes >> 16);
        }).ToList();
    }
}
