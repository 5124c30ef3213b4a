using System.Globalization;
using System.Text;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Benchmarks.Installation;

/// <summary>
/// A deterministic set of pure-Python-tagged wheels shaped like a real application's dependencies: per wheel a package
/// of Python modules (1–30 KB of code-like text each, which deflates 4–6×), one or two native-library-like blobs
/// (300 KB–1.5 MB, deflating about 2×), a data file and a <c>#!python</c> script. With the default seed, thirty
/// wheels unpack to 94 MB in 3,661 files.
/// </summary>
internal sealed record SyntheticWheelSet(IReadOnlyList<BuiltWheel> Wheels, long UnpackedBytes, int FileCount)
{
    public static SyntheticWheelSet Generate(int count, int seed)
    {
        var random = new Random(seed);
        var wheels = new List<BuiltWheel>(count);
        long unpacked = 0;
        var files = 0;
        for (var i = 0; i < count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"benchpkg{i:00}");
            var builder = new WheelBuilder(name, string.Create(CultureInfo.InvariantCulture, $"1.0.{i}"))
                .WithMetadataField("Summary", "Synthetic benchmark package " + name);
            var modules = 90 + random.Next(60);
            for (var m = 0; m < modules; m++)
            {
                var folder = m % 7 == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"sub{m % 5}/");
                builder = builder.WithModule(string.Create(CultureInfo.InvariantCulture, $"{name}/{folder}module_{m:000}.py"), PythonLikeText(random, 1_000 + random.Next(29_000)));
            }

            var blobs = 1 + random.Next(2);
            for (var b = 0; b < blobs; b++)
            {
                builder = builder.WithFile(string.Create(CultureInfo.InvariantCulture, $"{name}/_native{b}.so"), BinaryLike(random, 300_000 + random.Next(1_200_000)));
            }

            builder = builder
                .WithModule($"{name}/py.typed", string.Empty)
                .WithModule($"{builder.DistInfoFolder[..^".dist-info".Length]}.data/data/share/{name}/catalog.json", PythonLikeText(random, 20_000))
                .WithModule($"{builder.DistInfoFolder[..^".dist-info".Length]}.data/scripts/{name}-tool", $"#!python\nimport {name}\n");
            var wheel = builder.Build();
            wheels.Add(wheel);
            unpacked += builder.Files.Sum(f => (long)f.Value.Length);
            files += builder.Files.Count + 3;
        }

        return new SyntheticWheelSet(wheels, unpacked, files);
    }

    public long PackedBytes => Wheels.Sum(w => (long)w.Content.Length);

    private static string PythonLikeText(Random random, int length)
    {
        var text = new StringBuilder(length + 200);
        text.Append("\"\"\"Generated module.\"\"\"\n\nimport os\nimport sys\n\n");
        while (text.Length < length)
        {
            var function = random.Next(100_000);
            var argument = random.Next(20);
            text.Append(CultureInfo.InvariantCulture, $"def function_{function}(argument_{argument}, value={random.Next(1000)}):\n");
            text.Append(CultureInfo.InvariantCulture, $"    \"\"\"Return argument_{argument} scaled by {random.Next(100)}.\"\"\"\n");
            text.Append(CultureInfo.InvariantCulture, $"    result = argument_{argument} * value + {random.Next(10_000)}\n");
            text.Append(CultureInfo.InvariantCulture, $"    if result > {random.Next(1_000_000)}:\n        return os.fspath(str(result))\n    return result\n\n\n");
        }

        return text.ToString(0, length);
    }

    // Half random bytes, half zero runs: machine code and data sections deflate roughly this well.
    private static byte[] BinaryLike(Random random, int length)
    {
        var bytes = new byte[length];
        for (var offset = 0; offset < length; offset += 4096)
        {
            if ((offset / 4096) % 2 == 0)
            {
                random.NextBytes(bytes.AsSpan(offset, Math.Min(4096, length - offset)));
            }
        }

        return bytes;
    }
}
