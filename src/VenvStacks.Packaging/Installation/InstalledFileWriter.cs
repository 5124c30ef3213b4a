using System.Buffers;
using System.Security.Cryptography;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Installation;

/// <summary>
/// Writes installed files, streaming, and remembers what it created so that a failed installation can be undone.
/// A new file is created in place; a file that already exists (another distribution's, or one a concurrent
/// installation is writing) is replaced by writing a sibling temporary file and renaming it over, so readers and
/// concurrent writers only ever see complete files.
/// </summary>
internal sealed class InstalledFileWriter : IDisposable
{
    private const int BufferSize = 1 << 16;

    // rw-rw-rw- and rwxrwxrwx, reduced by the process umask as pip's extraction is.
    private const UnixFileMode RegularMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    private const UnixFileMode AllExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private const UnixFileMode ExecutableMode = RegularMode | AllExecute;

    private static readonly byte[] PythonShebang = "#!python"u8.ToArray();

    private readonly HashSet<string> _knownDirectories = new(FileSystemPaths.Comparer);
    private readonly List<string> _createdDirectories = [];
    private readonly List<string> _createdFiles = [];
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);

    // What is left of the content being written, as verified, and the hash of what was read of it.
    private long _unread;
    private IncrementalHash? _input;

    /// <summary>The number of bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Writes <paramref name="content"/> (read to its end) to <paramref name="destination"/>.</summary>
    /// <param name="content">The content.</param>
    /// <param name="verified">The RECORD row the content was verified against: content that no longer matches it (the
    /// archive changed on disk in between) is refused with <see cref="InvalidDataException"/>, and no more than the
    /// verified length is ever read.</param>
    /// <param name="length">The verified length.</param>
    /// <param name="destination">The full destination path.</param>
    /// <param name="executable">Whether to create the file with execute permission (POSIX).</param>
    /// <param name="shebangs">For scripts: the lines that replace a first line starting with <c>#!python</c> or
    /// <c>#!pythonw</c>; null to copy the content unchanged.</param>
    /// <param name="hasher">Receives the written bytes, when the caller needs their hash.</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    /// <returns>The number of bytes written.</returns>
    public long Write(
        Stream content,
        RecordEntry verified,
        long length,
        string destination,
        bool executable,
        ScriptShebangs? shebangs,
        IncrementalHash? hasher,
        CancellationToken cancellationToken)
    {
        _unread = length;
        using var input = RecordHash.CreateHasher(verified.Hash!.Algorithm);
        _input = input;
        return WriteFile(destination, executable, stream =>
        {
            var output = new Output(stream, hasher);
            if (shebangs is null || !WriteScriptHead(content, shebangs, output))
            {
                int read;
                while ((read = Read(content, 0)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    output.Emit(_buffer.AsSpan(0, read));
                }
            }

            return _unread == 0 && verified.Hash.Matches(input.GetHashAndReset())
                ? output.Written
                : throw new InvalidDataException($"The archive entry for {destination} changed after it was verified");
        });
    }

    /// <summary>Writes bytes to <paramref name="destination"/> (a regular file).</summary>
    public void Write(string destination, byte[] content)
    {
        WriteFile(destination, executable: false, stream =>
        {
            stream.Write(content);
            return content.Length;
        });
    }

    /// <summary>Deletes every file and folder this writer created (folders only when empty). Replaced files of other
    /// distributions cannot be restored and are left as written.</summary>
    public void Rollback()
    {
        foreach (var file in _createdFiles)
        {
            TryDelete(() => File.Delete(file));
        }

        foreach (var directory in _createdDirectories.OrderByDescending(d => d.Length))
        {
            TryDelete(() => Directory.Delete(directory));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private long WriteFile(string destination, bool executable, Func<FileStream, long> write)
    {
        var (stream, temporary) = Create(destination, executable);
        try
        {
            long written;
            using (stream)
            {
                written = write(stream);
                if (executable && !OperatingSystem.IsWindows())
                {
                    // The create mode was reduced by the umask; like pip, every execute bit is set regardless.
                    File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(stream.SafeFileHandle) | AllExecute);
                }
            }

            if (temporary is not null)
            {
                File.Move(temporary, destination, overwrite: true);
            }

            BytesWritten += written;
            return written;
        }
        catch
        {
            if (temporary is not null)
            {
                TryDelete(() => File.Delete(temporary));
            }

            throw;
        }
    }

    private (FileStream Stream, string? Temporary) Create(string destination, bool executable)
    {
        var directory = Path.GetDirectoryName(destination)!;
        EnsureDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = executable ? ExecutableMode : RegularMode;
        }

        try
        {
            var created = Open(destination, directory, options);
            _createdFiles.Add(destination);
            return (created, null);
        }
        catch (IOException) when (Path.Exists(destination))
        {
            var temporary = Path.Combine(directory, $".{Path.GetFileName(destination)}.{Path.GetRandomFileName()}.tmp");
            return (Open(temporary, directory, options), temporary);
        }
    }

    // A concurrent installation that failed may have removed a folder it created and this writer already saw.
    private static FileStream Open(string path, string directory, FileStreamOptions options)
    {
        try
        {
            return new FileStream(path, options);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(directory);
            return new FileStream(path, options);
        }
    }

    private void EnsureDirectory(string directory)
    {
        if (!_knownDirectories.Add(directory) || Directory.Exists(directory))
        {
            return;
        }

        var missing = new List<string>();
        for (var current = directory; current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Add(current);
        }

        Directory.CreateDirectory(directory);
        _createdDirectories.AddRange(missing);
    }

    /// <summary>Reads the start of a script; when it begins with <c>#!python</c>, emits the replacement line and
    /// skips the original first line, otherwise emits what it read. Returns true when the content is used up.</summary>
    private bool WriteScriptHead(Stream content, ScriptShebangs shebangs, Output output)
    {
        // Nine bytes tell "#!python" from "#!pythonw".
        var length = ReadAtLeast(content, PythonShebang.Length + 1);
        if (!_buffer.AsSpan(0, length).StartsWith(PythonShebang))
        {
            output.Emit(_buffer.AsSpan(0, length));
            return false;
        }

        var gui = length > PythonShebang.Length && _buffer[PythonShebang.Length] == (byte)'w';
        output.Emit(shebangs.LineFor(gui));
        while (true)
        {
            var newline = _buffer.AsSpan(0, length).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                output.Emit(_buffer.AsSpan(newline + 1, length - newline - 1));
                return false;
            }

            length = Read(content, 0);
            if (length == 0)
            {
                return true;
            }
        }
    }

    private int ReadAtLeast(Stream content, int minimum)
    {
        var total = 0;
        while (total < minimum)
        {
            var read = Read(content, total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    // Every read of content goes through here, so that content longer than verified is never consumed.
    private int Read(Stream content, int offset)
    {
        var read = content.Read(_buffer, offset, (int)Math.Min(_buffer.Length - offset, _unread + 1));
        _unread -= read;
        _input!.AppendData(_buffer, offset, read);
        return _unread >= 0 ? read : throw new InvalidDataException("An archive entry is longer than when it was verified");
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the installation has already failed and reports that failure.
        }
    }

    /// <summary>The destination stream plus the optional hash and the count of what went into it.</summary>
    private sealed class Output(FileStream stream, IncrementalHash? hasher)
    {
        public long Written { get; private set; }

        public void Emit(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            hasher?.AppendData(bytes);
            Written += bytes.Length;
        }
    }
}
