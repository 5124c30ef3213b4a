using VenvStacks.Core.Hashing;
using VenvStacks.Core.Locking;
using VenvStacks.Core.SourceTrees;
using VenvStacks.TestSupport.FileSystem;

namespace VenvStacks.Core.Tests.SourceTrees;

/// <summary>
/// Module trees may hold entries that are neither files nor folders (issue 12, item 5): a named pipe, a socket, a
/// link to a device. Hashing leaves them out (as git does) instead of opening them, so it finishes; the hash is that
/// of the same tree without them.
/// </summary>
public sealed class SpecialEntriesTests : IDisposable
{
    // A bound for a hung hash, not a timing assertion: hashing a few small files takes milliseconds.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly SpecFiles _files = new();

    public void Dispose() => _files.Dispose();

    [UnixFact]
    public async Task A_named_pipe_inside_a_package_is_left_out_of_its_hash()
    {
        var package = WritePackage("pkg");
        var plain = ContentHashes.HashModule(package, PycacheSourceTreeFilter.Instance);
        var fifo = SpecialFiles.MakeFifo(Path.Combine(package, "sub", "fifo"));

        var hash = await HashGuardedAsync(package, fifo);

        hash.ShouldBe(plain);
    }

    [UnixFact]
    public async Task Sockets_and_links_to_devices_or_pipes_are_left_out_too()
    {
        var package = WritePackage("pkg");
        var plain = ContentHashes.HashModule(package, PycacheSourceTreeFilter.Instance);
        var fifo = SpecialFiles.MakeFifo(Path.Combine(_files.Directory, "outside", "fifo"));
        using var socket = SpecialFiles.MakeSocket(Path.Combine(package, "sock"));
        SpecialFiles.MakeLink(Path.Combine(package, "null"), "/dev/null");
        SpecialFiles.MakeLink(Path.Combine(package, "pipe-link"), fifo);

        var hash = await HashGuardedAsync(package, fifo);

        hash.ShouldBe(plain);
    }

    [UnixFact]
    public async Task A_stack_whose_launch_package_holds_a_named_pipe_gets_its_lock_state_read()
    {
        var package = WritePackage("pkg");
        var fifo = SpecialFiles.MakeFifo(Path.Combine(package, "fifo"));
        var load = _files.Load(ModuleSpecs.VersionedApplication("pkg"));
        var spec = load.Spec.ShouldNotBeNull(string.Join("\n", load.Diagnostics));

        var read = Task.Run(() => LockStateReader.Read(spec));
        var states = await GuardAsync(read, fifo);

        states["app-tool"].HasValidLock.ShouldBeFalse("nothing is locked yet");
    }

    private string WritePackage(string name)
    {
        _files.Touch(Path.Combine(name, "__main__.py"), "print('main')\n");
        _files.Touch(Path.Combine(name, "sub", "helper.py"), "X = 1\n");
        return Path.Combine(_files.Directory, name);
    }

    private static Task<string> HashGuardedAsync(string package, string fifo) =>
        GuardAsync(Task.Run(() => ContentHashes.HashModule(package, PycacheSourceTreeFilter.Instance)), fifo);

    // Fails the test instead of hanging it when the code under test opens the pipe, and unblocks that reader so that
    // no thread is left waiting after the test.
    private static async Task<T> GuardAsync<T>(Task<T> work, string fifo)
    {
        if (await Task.WhenAny(work, Task.Delay(HangGuard)) != work)
        {
            SpecialFiles.ReleaseReaders(fifo);
            await work.WaitAsync(HangGuard);
            throw new Xunit.Sdk.XunitException($"Reading the tree opened the named pipe {fifo} and waited for a writer");
        }

        return await work;
    }
}
