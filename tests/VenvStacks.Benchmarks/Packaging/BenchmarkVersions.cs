namespace VenvStacks.Benchmarks.Packaging;

/// <summary>Version strings as they appear on a package index, in a fixed mix of shapes.</summary>
internal static class BenchmarkVersions
{
    /// <summary>Ten typical versions: plain, pre-release, post/dev/local, epoch, calendar, <c>v</c>-prefixed.</summary>
    public static readonly string[] Typical =
    [
        "1.2.3", "2.0.0rc1", "1!2.0.post1.dev3+local.7", "v1.0", "23.1.0",
        "0.10.0", "3.11.7", "1.26.4", "2024.1", "1.0.0a5",
    ];

    /// <summary>
    /// A deterministic list of <paramref name="count"/> index-like versions: mostly finals, some pre-releases,
    /// post-releases and dev releases, in shuffled order.
    /// </summary>
    public static string[] IndexLike(int count)
    {
        var random = new Random(20260101);
        var versions = new string[count];
        for (var i = 0; i < count; i++)
        {
            var text = $"{random.Next(0, 4)}.{random.Next(0, 30)}.{random.Next(0, 12)}";
            text += random.Next(10) switch
            {
                0 => $"rc{random.Next(1, 3)}",
                1 => $"b{random.Next(1, 4)}",
                2 => $".post{random.Next(1, 3)}",
                3 => $".dev{random.Next(0, 5)}",
                _ => string.Empty,
            };
            versions[i] = text;
        }

        return versions;
    }
}
