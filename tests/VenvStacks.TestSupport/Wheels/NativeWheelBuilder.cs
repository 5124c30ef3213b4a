using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using VenvStacks.TestSupport.Python;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.TestSupport.Wheels;

/// <summary>
/// Compiles the native test wheels of a <see cref="NativeWheelSet"/> with the machine's <c>gcc</c> against a real
/// CPython's headers (<c>sysconfig</c> include folder and <c>EXT_SUFFIX</c>) and packs them with
/// <see cref="WheelBuilder"/>. <see cref="GetAsync"/> builds once per machine and Python (cached in
/// <see cref="TestCache"/> under <c>test-wheels/</c>, keyed by this assembly — sources and packing rules —, the
/// compiler and the Python; older builds are removed) and reads that cache once per process. Linux only (ELF shared objects).
/// </summary>
public sealed class NativeWheelBuilder
{
    /// <summary>The version of every native test wheel.</summary>
    public const string WheelVersion = "1.0.0";

    private const string Compiler = "gcc";
    private const string CacheArea = "test-wheels";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    // gcc without debug information or a build path in the output: the same inputs give the same bytes.
    private static readonly string[] CompileOptions = ["-shared", "-fPIC", "-O2", "-g0", "-Wall", "-Werror"];

    private static readonly NativeWheelSpec CExtension = NativeWheelSpec.Extension(
        "cext-demo", "cext_demo", "_speedup", NativeWheelSources.AddModule("_speedup"), "from ._speedup import add\n",
        "import cext_demo; assert cext_demo.add(2, 3) == 5; print('ok')", linkedLibrary: null);

    private static readonly NativeWheelSpec Foo = NativeWheelSpec.Library("sharedlib-demo", "sharedlib_demo", "libfoo.so", "foo_answer", 42);

    private static readonly NativeWheelSpec FooConsumer = NativeWheelSpec.Extension(
        "sharedlib-consumer", "sharedlib_consumer", "_consumer", NativeWheelSources.ConsumerModule("_consumer", "foo_answer"),
        "from ._consumer import answer\n", "import sharedlib_consumer; assert sharedlib_consumer.answer() == 42; print('ok')", Foo);

    private static readonly NativeWheelSpec Bar = NativeWheelSpec.Library("versionedlib-demo", "versionedlib_demo", "libbar.so.1", "bar_answer", 43);

    private static readonly NativeWheelSpec BarConsumer = NativeWheelSpec.Extension(
        "versionedlib-consumer", "versionedlib_consumer", "_consumer", NativeWheelSources.ConsumerModule("_consumer", "bar_answer"),
        "from ._consumer import answer\n", "import versionedlib_consumer; assert versionedlib_consumer.answer() == 43; print('ok')", Bar);

    // Libraries first: their consumers link against them.
    private static readonly NativeWheelSpec[] BuildOrder = [CExtension, Foo, FooConsumer, Bar, BarConsumer];

    // One build (or cache read) per installation per process; the wheels never change during a run.
    private static readonly ConcurrentDictionary<string, Lazy<Task<NativeWheelSet>>> Built = new(StringComparer.Ordinal);

    private readonly TestPython _python;

    /// <summary>A builder for extensions of <paramref name="python"/>.</summary>
    /// <exception cref="ArgumentException">It has no C headers.</exception>
    public NativeWheelBuilder(TestPython python)
    {
        ArgumentNullException.ThrowIfNull(python);
        if (python.IncludeDirectory is null)
        {
            throw new ArgumentException($"{python} has no C headers (Python.h).", nameof(python));
        }

        _python = python;
        PlatformTag = PlatformTagFor(RuntimeInformation.OSArchitecture);
    }

    /// <summary>The platform tag set of every wheel built here.</summary>
    public string PlatformTag { get; }

    /// <summary>The manylinux tag set for an architecture: glibc 2.17, which the machine code honours (it calls
    /// nothing from libc), and which a lock with the default <c>linux_target</c> (glibc 2.28) accepts.</summary>
    public static string PlatformTagFor(Architecture architecture)
    {
        var machine = architecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.Arm64 => "aarch64",
            _ => throw new PlatformNotSupportedException($"No manylinux tag for {architecture}."),
        };
        return $"manylinux_2_17_{machine}.manylinux2014_{machine}";
    }

    /// <summary>Why native wheel tests are skipped on this machine, or null: they need Linux, gcc, readelf, and a
    /// CPython of <paramref name="request"/> with headers and pip (to install what was built).</summary>
    public static string? SkipReason(PythonRequest request)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Native test wheels are ELF shared objects: Linux only.";
        }

        var missingTool = new[] { Compiler, "readelf" }.FirstOrDefault(t => !ExternalProcess.IsOnPath(t));
        return missingTool is not null
            ? $"'{missingTool}' is not installed; native test wheels need gcc and binutils."
            : TestPython.SkipReason(request, TestPythonNeeds.Headers | TestPythonNeeds.Pip);
    }

    /// <summary>The native wheels for <paramref name="python"/>, built at most once per machine.</summary>
    public static Task<NativeWheelSet> GetAsync(TestPython python, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(python);
        return Built.GetOrAdd(
                python.Prefix + " " + python.Version,
                _ => new Lazy<Task<NativeWheelSet>>(() => new NativeWheelBuilder(python).GetCachedAsync(CancellationToken.None)))
            .Value.WaitAsync(cancellationToken);
    }

    /// <summary>Compiles and writes every wheel into <paramref name="folder"/> (created if needed).</summary>
    public async Task<NativeWheelSet> BuildAsync(string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var work = Path.Combine(folder, ".build");
        Directory.CreateDirectory(work);
        try
        {
            foreach (var spec in BuildOrder)
            {
                var wheel = await PackAsync(spec, work, cancellationToken).ConfigureAwait(false);
                wheel.WriteTo(folder);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return Describe(folder);
    }

    private async Task<NativeWheelSet> GetCachedAsync(CancellationToken cancellationToken)
    {
        var compiler = (await ExternalProcess.RunAsync(Compiler, ["-dumpfullversion"], cancellationToken: cancellationToken)
            .ConfigureAwait(false)).EnsureSuccess(Compiler + " -dumpfullversion");
        var assembly = typeof(NativeWheelBuilder).Assembly.Location;
        var key = TestCache.Key([
            Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(assembly, cancellationToken).ConfigureAwait(false))),
            compiler.StandardOutput.Trim(),
            _python.Version, _python.Prefix, _python.ExtensionSuffix, _python.IncludeDirectory!, PlatformTag,
        ]);
        var folder = TestCache.Folder(CacheArea, $"{_python.CPythonTag}-{key}");
        using (await CrossProcessLock.AcquireAsync(folder + ".lock", LockTimeout, cancellationToken).ConfigureAwait(false))
        {
            var complete = Path.Combine(folder, ".complete");
            if (File.Exists(complete))
            {
                return Describe(folder);
            }

            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var built = await BuildAsync(folder, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(complete, key, cancellationToken).ConfigureAwait(false);
            TestCache.RemoveOthers(CacheArea, Path.GetFileName(folder), _python.CPythonTag + "-");
            return built;
        }
    }

    private NativeWheelSet Describe(string folder)
    {
        NativeWheel Read(NativeWheelSpec spec)
        {
            var path = Path.Combine(folder, Builder(spec).FileName);
            using var stream = File.OpenRead(path);
            return new NativeWheel(spec.Project, WheelVersion, path, Convert.ToHexStringLower(SHA256.HashData(stream)),
                spec.ImportName, NativeFile(spec), spec.CheckScript);
        }

        return new NativeWheelSet(Path.GetFullPath(folder), _python, PlatformTag,
            Read(CExtension), Read(Foo), Read(FooConsumer), Read(Bar), Read(BarConsumer));
    }

    // Compiles the spec's machine code in work/<project>/ and returns the wheel holding it.
    private async Task<BuiltWheel> PackAsync(NativeWheelSpec spec, string work, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(work, spec.Project);
        Directory.CreateDirectory(folder);
        var source = Path.Combine(folder, spec.Project.Replace('-', '_') + ".c");
        await File.WriteAllTextAsync(source, spec.Source, cancellationToken).ConfigureAwait(false);
        var output = Path.Combine(folder, NativeFile(spec).Split('/')[^1]);

        List<string> arguments = [.. CompileOptions];
        if (spec.LibraryFileName is not null)
        {
            arguments.Add("-Wl,-soname," + spec.LibraryFileName);
        }
        else
        {
            arguments.Add("-I" + _python.IncludeDirectory);
        }

        arguments.AddRange(["-o", output, source]);
        if (spec.LinkedLibrary is { } library)
        {
            // Linked by file name, so DT_NEEDED is the library's SONAME; and deliberately no -rpath.
            arguments.AddRange(["-L" + Path.Combine(work, library.Project), "-l:" + library.LibraryFileName]);
        }

        (await ExternalProcess.RunAsync(Compiler, arguments, workingDirectory: folder, cancellationToken: cancellationToken)
            .ConfigureAwait(false)).EnsureSuccess($"Compiling {spec.Project}");
        var builder = Builder(spec)
            .WithFile(NativeFile(spec), await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false))
            .WithModule(spec.ImportName + "/__init__.py", spec.InitModule);
        return builder.Build();
    }

    private WheelBuilder Builder(NativeWheelSpec spec)
    {
        var builder = new WheelBuilder(spec.Project, WheelVersion)
            .WithTag(spec.LibraryFileName is null
                ? $"{_python.CPythonTag}-{_python.CPythonTag}-{PlatformTag}"
                : $"py3-none-{PlatformTag}")
            .WithMetadataField("Summary", spec.Summary);
        return spec.LinkedLibrary is { } library ? builder.WithRequiresDist($"{library.Project}=={WheelVersion}") : builder;
    }

    private string NativeFile(NativeWheelSpec spec) => spec.LibraryFileName is { } library
        ? $"{spec.ImportName}/lib/{library}"
        : $"{spec.ImportName}/{spec.ModuleName}{_python.ExtensionSuffix}";
}
