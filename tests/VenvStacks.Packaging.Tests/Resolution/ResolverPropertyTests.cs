using CsCheck;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Resolution;
using Version = VenvStacks.Packaging.Pep440.Version;

namespace VenvStacks.Packaging.Tests.Resolution;

/// <summary>
/// On small random indexes the resolver agrees with exhaustive search: it finds a resolution exactly when one
/// exists, and what it returns satisfies every requirement and contains only required packages.
/// </summary>
public sealed class ResolverPropertyTests
{
    private const int Packages = 4;
    private const int VersionsPerPackage = 3;

    private sealed record Dependency(int Target, string Specifier);

    private sealed record Graph(Dependency[][][] Dependencies, Dependency[] Roots)
    {
        public override string ToString()
        {
            var lines = new List<string> { "root -> " + string.Join(", ", Roots.Select(Text)) };
            for (var package = 0; package < Packages; package++)
            {
                for (var version = 0; version < VersionsPerPackage; version++)
                {
                    lines.Add($"p{package} {version + 1}.0 -> " + string.Join(", ", Dependencies[package][version].Select(Text)));
                }
            }

            return string.Join("\n", lines);
        }
    }

    private static string Text(Dependency dependency) => $"p{dependency.Target}{dependency.Specifier}";

    private static readonly Gen<Dependency> Dependencies =
        from target in Gen.Int[0, Packages] // Packages itself names a package that does not exist
        from op in Gen.Int[0, 4].Select(i => new[] { "", ">=", "<", "==", "!=" }[i])
        from version in Gen.Int[1, VersionsPerPackage]
        select new Dependency(target, op.Length == 0 ? string.Empty : $"{op}{version}.0");

    private static readonly Gen<Graph> Graphs =
        from deps in Dependencies.Array[0, 2].Array[VersionsPerPackage].Array[Packages]
        from roots in Dependencies.Where(d => d.Target < Packages).Array[1, 2]
        select new Graph(deps, roots);

    [Fact]
    public void Agrees_with_exhaustive_search()
    {
        Graphs.Sample(
            graph =>
            {
                var index = new InMemoryCandidateProvider();
                for (var package = 0; package < Packages; package++)
                {
                    for (var version = 0; version < VersionsPerPackage; version++)
                    {
                        index.Add($"p{package}", $"{version + 1}.0", graph.Dependencies[package][version].Select(Text));
                    }
                }

                var exists = Exhaustive(graph);
                ResolutionResult? resolution = null;
                try
                {
                    resolution = index.ResolveAsync(graph.Roots.Select(Text).ToArray()).GetAwaiter().GetResult();
                }
                catch (ResolutionException error)
                {
                    error.Message.ShouldEndWith("unsatisfiable.");
                }

                (resolution is not null).ShouldBe(exists, graph.ToString());
                if (resolution is not null)
                {
                    var chosen = new int[Packages];
                    Array.Fill(chosen, -1);
                    foreach (var package in resolution.Packages)
                    {
                        chosen[int.Parse(package.Name.Value[1..], System.Globalization.CultureInfo.InvariantCulture)] = (int)package.Version.Major - 1;
                        package.Chain.ShouldNotBeEmpty("every chosen package is required by something");
                    }

                    Valid(graph, chosen).ShouldBeTrue(graph.ToString());
                }
            },
            iter: 400);
    }

    /// <summary>Whether some choice (a version or nothing per package) satisfies the root and every chosen package's dependencies.</summary>
    private static bool Exhaustive(Graph graph)
    {
        var choice = new int[Packages];
        bool Search(int package)
        {
            if (package == Packages)
            {
                return Valid(graph, choice);
            }

            for (var version = -1; version < VersionsPerPackage; version++)
            {
                choice[package] = version;
                if (Search(package + 1))
                {
                    return true;
                }
            }

            return false;
        }

        return Search(0);
    }

    private static bool Valid(Graph graph, int[] chosen)
    {
        bool Satisfied(Dependency dependency) =>
            dependency.Target < Packages
            && chosen[dependency.Target] >= 0
            && SpecifierSet.Parse(dependency.Specifier).Contains(Version.Parse($"{chosen[dependency.Target] + 1}.0"));

        return graph.Roots.All(Satisfied)
            && Enumerable.Range(0, Packages).All(package => chosen[package] < 0 || graph.Dependencies[package][chosen[package]].All(Satisfied));
    }
}
