using System.Collections.Immutable;

namespace VenvStacks.Packaging.Resolution;

/// <content>The external facts of the proof in structured form.</content>
internal sealed partial class ExplanationWriter
{
    private ImmutableArray<ConflictFact> CollectFacts(Incompatibility root)
    {
        var facts = ImmutableArray.CreateBuilder<ConflictFact>();
        var seen = new HashSet<Incompatibility>();
        var stack = new Stack<Incompatibility>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var incompatibility = stack.Pop();
            if (!seen.Add(incompatibility))
            {
                continue;
            }

            if (incompatibility.Cause is DerivedCause derived)
            {
                stack.Push(derived.Other);
                stack.Push(derived.Conflict);
                continue;
            }

            facts.AddRange(FactsOf(incompatibility));
        }

        return facts.ToImmutable();
    }

    private IEnumerable<ConflictFact> FactsOf(Incompatibility incompatibility)
    {
        switch (incompatibility.Cause)
        {
            case DependencyCause dependency:
                var depender = _packages[dependency.Depender];
                var dependerVersions = incompatibility.TermFor(dependency.Depender)?.Versions;
                yield return new ConflictFact(
                    depender.IsRoot ? ConflictFactKind.RootRequirement : ConflictFactKind.Dependency,
                    depender.IsRoot ? null : depender.Name,
                    depender.IsRoot || dependerVersions is null ? string.Empty : VersionsText(depender, dependerVersions).TrimStart(),
                    dependency.Requirements[0],
                    null,
                    External(incompatibility));
                var target = _packages[dependency.Target];
                if (!target.Candidates!.Exists)
                {
                    yield return new ConflictFact(ConflictFactKind.PackageNotFound, target.Name, string.Empty, dependency.Requirements[0], null, $"the index has no package named {target.Name}");
                }

                break;
            case ConstraintCause constraint:
                yield return new ConflictFact(
                    ConflictFactKind.Constraint,
                    _packages[constraint.Package].Name,
                    constraint.Constraint.Requirement.Specifier.ToString(),
                    constraint.Constraint.Requirement,
                    constraint.Constraint.Origin,
                    External(incompatibility));
                break;
            case UnusableCause unusable:
                var package = _packages[unusable.Package];
                var versions = incompatibility.TermFor(unusable.Package)?.Versions ?? VersionSet.Empty(package.UniverseSize);
                yield return new ConflictFact(KindOf(unusable.Reason), package.Name, VersionsText(package, versions), null, null, External(incompatibility));
                break;
        }
    }

    private static ConflictFactKind KindOf(UnusableReason reason) => reason switch
    {
        UnusableReason.NoWheels => ConflictFactKind.NoWheels,
        UnusableReason.Yanked => ConflictFactKind.Yanked,
        UnusableReason.RequiresPython => ConflictFactKind.RequiresPython,
        UnusableReason.IncompatibleWheels => ConflictFactKind.IncompatibleWheels,
        _ => ConflictFactKind.Prerelease,
    };
}
