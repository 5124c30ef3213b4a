using System.Text;

namespace VenvStacks.Packaging.Pep751;

/// <summary>
/// Turns a <see cref="PyLock"/> into pylock.toml text: keys in uv's order (the order venvstacks' re-serialisation
/// keeps), then the <c>Unknown</c> keys in their read order, laid out by <see cref="TomlEmitter"/>.
/// </summary>
internal static class PyLockWriter
{
    public static string Write(PyLock lockFile)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        var output = new StringBuilder();
        foreach (var comment in lockFile.HeaderComments)
        {
            if (comment.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new InvalidOperationException("A header comment line contains a line break");
            }

            output.Append('#').Append(comment).Append('\n');
        }

        TomlEmitter.Write(output, ToTable(lockFile));
        return output.ToString();
    }

    private static ValueMap<object> ToTable(PyLock lockFile)
    {
        var table = new TableBuilder("the lock file");
        table.AddRequired("lock-version", lockFile.LockVersion);
        table.AddRequired("created-by", lockFile.CreatedBy);
        table.Add("environments", lockFile.Environments);
        table.Add("requires-python", lockFile.RequiresPython);
        table.Add("extras", lockFile.Extras);
        table.Add("dependency-groups", lockFile.DependencyGroups);
        table.Add("default-groups", lockFile.DefaultGroups);
        table.Add("packages", lockFile.Packages.Select(ToTable).ToArray());
        table.Add("tool", lockFile.Tool);
        return table.Build(lockFile.Unknown);
    }

    private static ValueMap<object> ToTable(PyLockPackage package)
    {
        var table = new TableBuilder($"package '{package.Name}'");
        table.AddRequired("name", package.Name);
        table.Add("version", package.Version);
        table.Add("marker", package.Marker);
        table.Add("requires-python", package.RequiresPython);
        table.Add("dependencies", package.Dependencies);
        table.Add("index", package.Index);
        table.Add("vcs", package.Vcs is null ? null : ToTable(package.Vcs));
        table.Add("directory", package.Directory is null ? null : ToTable(package.Directory));
        table.Add("archive", package.Archive is null ? null : ToTable(package.Archive));
        table.Add("sdist", package.Sdist is null ? null : ToTable(package.Sdist));
        table.Add("wheels", package.Wheels?.Select(ToTable).ToArray());
        table.Add("attestation-identities", package.AttestationIdentities);
        table.Add("tool", package.Tool);
        return table.Build(package.Unknown);
    }

    // uv writes url, upload-time, size, hashes; venvstacks replaces url by a relative path appended after them.
    private static ValueMap<object> ToTable(PyLockWheel wheel)
    {
        var table = new TableBuilder("a wheel");
        table.Add("name", wheel.Name);
        table.Add("url", wheel.Url);
        table.Add("upload-time", wheel.UploadTime);
        table.Add("size", wheel.Size);
        table.Add("path", wheel.Path);
        table.Add("hashes", wheel.Hashes);
        return table.Build(wheel.Unknown);
    }

    private static ValueMap<object> ToTable(PyLockSdist sdist)
    {
        var table = new TableBuilder("the sdist");
        table.Add("name", sdist.Name);
        table.Add("url", sdist.Url);
        table.Add("path", sdist.Path);
        table.Add("upload-time", sdist.UploadTime);
        table.Add("size", sdist.Size);
        table.Add("hashes", sdist.Hashes);
        return table.Build(sdist.Unknown);
    }

    private static ValueMap<object> ToTable(PyLockArchive archive)
    {
        var table = new TableBuilder("the archive");
        table.Add("url", archive.Url);
        table.Add("path", archive.Path);
        table.Add("size", archive.Size);
        table.Add("upload-time", archive.UploadTime);
        table.Add("subdirectory", archive.Subdirectory);
        table.Add("hashes", archive.Hashes);
        return table.Build(archive.Unknown);
    }

    private static ValueMap<object> ToTable(PyLockVcs vcs)
    {
        var table = new TableBuilder("the vcs source");
        table.AddRequired("type", vcs.Type);
        table.Add("url", vcs.Url);
        table.Add("path", vcs.Path);
        table.Add("requested-revision", vcs.RequestedRevision);
        table.AddRequired("commit-id", vcs.CommitId);
        table.Add("subdirectory", vcs.Subdirectory);
        return table.Build(vcs.Unknown);
    }

    private static ValueMap<object> ToTable(PyLockDirectory directory)
    {
        var table = new TableBuilder("the directory source");
        table.AddRequired("path", directory.Path);
        table.Add("editable", directory.Editable);
        table.Add("subdirectory", directory.Subdirectory);
        return table.Build(directory.Unknown);
    }

    /// <summary>Collects the present keys of one table in writing order.</summary>
    private sealed class TableBuilder(string owner)
    {
        private readonly List<KeyValuePair<string, object>> _entries = [];

        public void AddRequired(string key, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException($"The required key '{key}' of {owner} has no value");
            }

            Add(key, value);
        }

        public void Add(string key, object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case IReadOnlyDictionary<string, string> strings:
                    _entries.Add(KeyValuePair.Create(key, (object)new ValueMap<object>(strings.Select(e => KeyValuePair.Create(e.Key, (object)e.Value)))));
                    return;
                default:
                    _entries.Add(KeyValuePair.Create(key, TomlData.Freeze(value)));
                    return;
            }
        }

        public ValueMap<object> Build(IReadOnlyDictionary<string, object> unknown)
        {
            foreach (var (key, value) in unknown)
            {
                if (_entries.Exists(e => e.Key == key))
                {
                    throw new InvalidOperationException($"The unknown keys of {owner} repeat the modelled key '{key}'");
                }

                _entries.Add(KeyValuePair.Create(key, value));
            }

            return new ValueMap<object>(_entries);
        }
    }
}
