using VenvStacks.Core.Hashing;
using VenvStacks.Core.SourceTrees;
using VenvStacks.TestSupport.FileSystem;

namespace VenvStacks.Core.Tests.SourceTrees;

/// <summary>Entry kinds without opening anything, the walk that leaves special entries out, and its cancellation.</summary>
public sealed class FileSystemEntryTests : IDisposable
{
    private readonly SpecFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string PathOf(string relative) => Path.Combine(_files.Directory, relative);

    [Fact]
    public void Files_folders_and_missing_paths_are_told_apart_with_file_sizes()
    {
        _files.Touch("a.py", "12345");
        Directory.CreateDirectory(PathOf("dir"));

        FileSystemEntry.Inspect(PathOf("a.py")).ShouldBe(new FileSystemEntry(FileSystemEntryKind.File, 5));
        FileSystemEntry.Inspect(PathOf("dir")).Kind.ShouldBe(FileSystemEntryKind.Directory);
        FileSystemEntry.Inspect(PathOf("nothing")).Kind.ShouldBe(FileSystemEntryKind.Missing);
        FileSystemEntry.Inspect(PathOf(Path.Combine("a.py", "below"))).Kind.ShouldBe(FileSystemEntryKind.Missing);
    }

    [UnixFact]
    public void Links_pipes_sockets_and_devices_are_told_apart()
    {
        _files.Touch("a.py", "123");
        Directory.CreateDirectory(PathOf("dir"));
        SpecialFiles.MakeLink(PathOf("file-link"), "a.py");
        SpecialFiles.MakeLink(PathOf("dir-link"), "dir");
        SpecialFiles.MakeLink(PathOf("dangling"), "gone");
        SpecialFiles.MakeLink(PathOf("loop"), "loop");
        SpecialFiles.MakeLink(PathOf("device-link"), "/dev/null");
        SpecialFiles.MakeFifo(PathOf("fifo"));
        using var socket = SpecialFiles.MakeSocket(PathOf("sock"));

        FileSystemEntry.Inspect(PathOf("file-link")).ShouldBe(new FileSystemEntry(FileSystemEntryKind.LinkToFile, 3));
        FileSystemEntry.Inspect(PathOf("dir-link")).Kind.ShouldBe(FileSystemEntryKind.LinkToDirectory);
        FileSystemEntry.Inspect(PathOf("dangling")).Kind.ShouldBe(FileSystemEntryKind.BrokenLink);
        FileSystemEntry.Inspect(PathOf("loop")).Kind.ShouldBe(FileSystemEntryKind.BrokenLink);
        FileSystemEntry.Inspect(PathOf("device-link")).Kind.ShouldBe(FileSystemEntryKind.Special);
        FileSystemEntry.Inspect(PathOf("fifo")).Kind.ShouldBe(FileSystemEntryKind.Special);
        FileSystemEntry.Inspect(PathOf("sock")).Kind.ShouldBe(FileSystemEntryKind.Special);
        FileSystemEntry.Inspect("/dev/null").Kind.ShouldBe(FileSystemEntryKind.Special);
    }

    [UnixFact]
    public void The_walk_lists_files_and_folders_and_reports_what_it_left_out()
    {
        _files.Touch(Path.Combine("pkg", "__main__.py"), "x");
        _files.Touch(Path.Combine("pkg", "sub", "b.py"), "yy");
        SpecialFiles.MakeLink(PathOf(Path.Combine("pkg", "alias.py")), "__main__.py");
        SpecialFiles.MakeLink(PathOf(Path.Combine("pkg", "sub-link")), "sub");
        SpecialFiles.MakeLink(PathOf(Path.Combine("pkg", "dangling")), "gone");
        SpecialFiles.MakeFifo(PathOf(Path.Combine("pkg", "fifo")));

        var steps = PycacheSourceTreeFilter.Instance.Walk(PathOf("pkg")).ToList();

        steps.Select(s => Path.GetFileName(s.Path)).ShouldBe(["pkg", "sub"], "a link to a folder is listed, not entered");
        steps[0].Subfolders.ShouldBe(["sub", "sub-link"]);
        steps[0].Files.ShouldBe(["__main__.py", "alias.py"]);
        steps[0].FileBytes.ShouldBe(2);
        steps[0].Skipped.ShouldBe([new SkippedSourceEntry("dangling", FileSystemEntryKind.BrokenLink), new SkippedSourceEntry("fifo", FileSystemEntryKind.Special)]);
        steps[1].Files.ShouldBe(["b.py"]);
    }

    [Fact]
    public void Hashing_a_folder_stops_when_canceled()
    {
        _files.Touch(Path.Combine("pkg", "__main__.py"), "x");
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        Should.Throw<OperationCanceledException>(() => ContentHashes.HashModule(PathOf("pkg"), PycacheSourceTreeFilter.Instance, canceled.Token));
    }

    [UnixFact]
    public void A_module_that_is_no_file_or_folder_is_never_opened_for_hashing()
    {
        SpecialFiles.MakeFifo(PathOf("tool.py"));

        Should.Throw<IOException>(() => ContentHashes.HashModule(PathOf("tool.py"), PycacheSourceTreeFilter.Instance)).Message.ShouldContain("tool.py");
    }

    [UnixFact]
    public void Physical_paths_follow_every_link_on_the_way()
    {
        Directory.CreateDirectory(PathOf(Path.Combine("real", "inner")));
        SpecialFiles.MakeLink(PathOf("alias"), "real");
        SpecialFiles.MakeLink(PathOf(Path.Combine("real", "up")), "..");
        SpecialFiles.MakeLink(PathOf("a"), "b");
        SpecialFiles.MakeLink(PathOf("b"), "a");
        var physicalRoot = PhysicalPath.Resolve(_files.Directory);

        PhysicalPath.Resolve(PathOf(Path.Combine("alias", "inner"))).ShouldBe(Path.Combine(physicalRoot, "real", "inner"));
        PhysicalPath.Resolve(PathOf(Path.Combine("alias", "up", "alias"))).ShouldBe(Path.Combine(physicalRoot, "real"));
        PhysicalPath.Resolve(PathOf(Path.Combine("alias", "not-yet"))).ShouldBe(Path.Combine(physicalRoot, "real", "not-yet"));
        Should.Throw<IOException>(() => PhysicalPath.Resolve(PathOf("a")));
        PhysicalPath.IsSameOrBelow(Path.Combine(physicalRoot, "real", "inner"), Path.Combine(physicalRoot, "real")).ShouldBeTrue();
        PhysicalPath.IsSameOrBelow(Path.Combine(physicalRoot, "real2"), Path.Combine(physicalRoot, "real")).ShouldBeFalse();
        PhysicalPath.IsSameOrBelow(physicalRoot, Path.GetPathRoot(physicalRoot)!).ShouldBeTrue();
    }

    [Fact]
    public void The_tree_check_reports_too_many_bytes()
    {
        _files.Touch(Path.Combine("pkg", "a.py"), new string('x', 600));
        _files.Touch(Path.Combine("pkg", "b.py"), new string('x', 600));

        var problem = ModuleTreeCheck.FindProblem(PathOf("pkg"), PycacheSourceTreeFilter.Instance, new ModuleTreeLimits(100, 1000));

        problem.ShouldNotBeNull().Kind.ShouldBe(ModuleTreeProblemKind.TooManyBytes);
        ModuleTreeCheck.FindProblem(PathOf("pkg"), PycacheSourceTreeFilter.Instance, new ModuleTreeLimits(100, 2000)).ShouldBeNull();
        ModuleTreeCheck.FindProblem(PathOf("pkg"), PycacheSourceTreeFilter.Instance, new ModuleTreeLimits(1, 2000)).ShouldNotBeNull().Kind.ShouldBe(ModuleTreeProblemKind.TooManyEntries);
    }
}
