using System.Globalization;
using VenvStacks.Packaging.Resolution;

namespace VenvStacks.Benchmarks.Resolution;

/// <summary>
/// A deterministic synthetic index for resolver benchmarks: 60 packages with 40 versions each (majors 1–5, minors
/// 0–7). A version of major M depends on two or three later packages with <c>&gt;=(M-1).0</c>, so newer releases
/// pull newer dependencies. <c>pkg03</c> caps <c>pkg50</c> below 3.0 and the newest releases of a few packages need a
/// package that does not exist, so the newest choices conflict and the solver must backtrack through ranges.
/// </summary>
internal static class SyntheticResolverIndex
{
    public const int PackageCount = 60;
    private const int Majors = 5;
    private const int Minors = 8;

    public static string[] RootRequirements { get; } = ["pkg00", "pkg01", "pkg02", "pkg03"];

    public static InMemoryCandidateProvider Build(TimeSpan latency = default)
    {
        var index = new InMemoryCandidateProvider { Latency = latency };
        for (var package = 0; package < PackageCount; package++)
        {
            var random = new Random(1000 + package);
            var targets = Enumerable.Range(package + 1, Math.Min(12, PackageCount - package - 1))
                .OrderBy(_ => random.Next())
                .Take(random.Next(2, 4))
                .Order()
                .ToArray();
            for (var major = 1; major <= Majors; major++)
            {
                for (var minor = 0; minor < Minors; minor++)
                {
                    var requires = new List<string>();
                    foreach (var target in targets)
                    {
                        requires.Add(major >= 2 ? Invariant($"pkg{target:00}>={major - 1}.0") : Invariant($"pkg{target:00}"));
                    }

                    if (package == 3)
                    {
                        requires.Add("pkg50<3.0");
                    }

                    if (package % 10 == 7 && major == Majors && minor >= Minors - 3)
                    {
                        requires.Add("does-not-exist>=1");
                    }

                    index.Add(Invariant($"pkg{package:00}"), Invariant($"{major}.{minor}"), requires);
                }
            }
        }

        return index;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
