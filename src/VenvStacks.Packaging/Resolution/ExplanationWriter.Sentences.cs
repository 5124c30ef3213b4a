namespace VenvStacks.Packaging.Resolution;

/// <content>How incompatibilities, terms and version sets read as clauses.</content>
internal sealed partial class ExplanationWriter
{
    private string RootSubject => _request.RootName ?? "the requirements";

    private bool RootIsPlural => _request.RootName is null;

    /// <summary>What a derived incompatibility says, as a clause.</summary>
    private string Statement(Incompatibility incompatibility)
    {
        var terms = incompatibility.Terms;
        if (PubGrubSolver.IsTerminal(incompatibility))
        {
            return "the requirements are unsatisfiable";
        }

        var positives = terms.Where(entry => entry.Term.IsPositive).ToList();
        var negatives = terms.Where(entry => !entry.Term.IsPositive).ToList();
        if (terms.Length == 1)
        {
            var (package, term) = terms[0];
            return term.IsPositive ? $"{Describe(package, term.Versions)} cannot be used" : $"{Describe(package, term.Named)} is required";
        }

        if (negatives.Count == 0)
        {
            return positives.Count == 2
                ? $"{Describe(positives[0])} is incompatible with {Describe(positives[1])}"
                : $"{Join(positives.Select(Describe), "and")} are incompatible";
        }

        var required = Join(negatives.Select(entry => Describe(entry.Package, entry.Term.Named)), "or");
        if (positives.Count == 0)
        {
            return $"one of {required} is required";
        }

        var plural = positives.Count > 1 || (_packages[positives[0].Package].IsRoot && RootIsPlural);
        return $"{Join(positives.Select(Describe), "and")} {(plural ? "require" : "requires")} {required}";
    }

    private string Describe((int Package, Term Term) entry) => Describe(entry.Package, entry.Term.Versions);

    /// <summary>A package with a set of its versions: <c>numpy&gt;=2.0,&lt;=2.3.2</c>, <c>a[x]==1.0</c>, <c>b</c>.</summary>
    private string Describe(int id, VersionSet versions)
    {
        var package = _packages[id];
        if (package.IsRoot)
        {
            return RootSubject;
        }

        return package + VersionsText(package, versions);
    }

    /// <summary>
    /// A version set as specifier text: the user's own specifier when one produced exactly this set, otherwise runs
    /// of consecutive known versions as <c>&gt;=low,&lt;=high</c> joined by <c> | </c>; empty for every version.
    /// </summary>
    private static string VersionsText(SolverPackage package, VersionSet versions)
    {
        var candidates = package.Candidates!;
        if (versions.IsFull)
        {
            // A package with a single version is clearer with it: "web==1.0 depends on ..." rather than "web ...".
            return candidates.Count == 1 ? "==" + candidates.VersionAt(0) : string.Empty;
        }

        if (versions.IsEmpty)
        {
            return " (no versions)";
        }

        if (candidates.LabelOf(versions) is { } label)
        {
            return label;
        }

        var complement = versions.Complement();
        var runs = Runs(versions);
        if (runs.Count > 1 && complement.Count == 1)
        {
            return "!=" + candidates.VersionAt(complement.Highest());
        }

        var parts = new List<string>();
        foreach (var (low, high) in runs)
        {
            var lowText = candidates.VersionAt(low).ToString();
            var highText = candidates.VersionAt(high).ToString();
            if (low == high)
            {
                parts.Add("==" + lowText);
            }
            else if (low == 0)
            {
                parts.Add("<=" + highText);
            }
            else if (high == candidates.Count - 1)
            {
                parts.Add(">=" + lowText);
            }
            else
            {
                parts.Add(">=" + lowText + ",<=" + highText);
            }
        }

        return string.Join(" | ", parts);
    }

    private static List<(int Low, int High)> Runs(VersionSet versions)
    {
        var runs = new List<(int Low, int High)>();
        foreach (var index in versions.Ascending())
        {
            if (runs.Count > 0 && runs[^1].High == index - 1)
            {
                runs[^1] = (runs[^1].Low, index);
            }
            else
            {
                runs.Add((index, index));
            }
        }

        return runs;
    }

    /// <summary>What an external incompatibility says, as a clause.</summary>
    private string External(Incompatibility incompatibility)
    {
        switch (incompatibility.Cause)
        {
            case DependencyCause dependency:
                return DependencyText(incompatibility, dependency);
            case ConstraintCause constraint:
                return ConstraintText(constraint);
            case UnusableCause unusable:
                return UnusableText(incompatibility, unusable);
            default:
                return $"{RootSubject} must be resolved";
        }
    }

    private string DependencyText(Incompatibility incompatibility, DependencyCause dependency)
    {
        var depender = _packages[dependency.Depender];
        string subject;
        if (depender.IsRoot)
        {
            subject = _request.RootName is { } name ? name + " depends on" : "the requirements include";
        }
        else
        {
            var versions = incompatibility.TermFor(dependency.Depender)?.Versions ?? VersionSet.Full(depender.UniverseSize);
            subject = versions.IsFull && depender.UniverseSize > 1
                ? $"every version of {depender} depends on"
                : $"{Describe(dependency.Depender, versions)} depends on";
        }

        var target = _packages[dependency.Target];

        // A requirement with several extras is one dependency per extra: name only the extra this one is about.
        var required = Join(
            dependency.Requirements
                .Select(requirement => target.IsExtra
                    ? $"{requirement.Name}[{target.Extra}]{requirement.Specifier}"
                    : RequirementText.WithoutMarker(requirement))
                .Distinct(StringComparer.Ordinal),
            "and");
        if (!target.Candidates!.Exists)
        {
            return $"{subject} {required} (the index has no package named {target.Name})";
        }

        if (dependency.TargetVersions.IsEmpty)
        {
            return $"{subject} {required} (no version of {target.Name} matches; there {(target.UniverseSize == 1 ? "is" : "are")} {VersionList(target, VersionSet.Full(target.UniverseSize), all: true)})";
        }

        return $"{subject} {required}";
    }

    private static string ConstraintText(ConstraintCause constraint)
    {
        var requirement = constraint.Constraint.Requirement;
        var specifiers = requirement.Specifier;
        var origin = string.IsNullOrWhiteSpace(constraint.Constraint.Origin) ? "a constraint" : constraint.Constraint.Origin;
        return specifiers.Count == 1 && specifiers[0].Operator is "==" or "==="
            ? $"{origin} pins {requirement.Name}{specifiers}"
            : $"{origin} constrains {requirement.Name} to {specifiers}";
    }

    private string UnusableText(Incompatibility incompatibility, UnusableCause unusable)
    {
        var package = _packages[unusable.Package];
        var candidates = package.Candidates!;
        var versions = incompatibility.TermFor(unusable.Package)?.Versions ?? VersionSet.Empty(package.UniverseSize);
        var list = VersionList(package, versions, all: false);
        var plural = versions.Count > 1;
        switch (unusable.Reason)
        {
            case UnusableReason.NoWheels:
                return $"{list} {(plural ? "have" : "has")} no wheels (only source distributions, which are never built)";
            case UnusableReason.Yanked:
                var reason = versions.Ascending().Select(candidates.YankedReasonOf).FirstOrDefault(text => text is not null);
                return $"{list} {(plural ? "are" : "is")} yanked{(reason is null ? string.Empty : ": " + reason)} (a yanked version is used only when a root requirement or constraint pins it with ==)";
            case UnusableReason.RequiresPython:
                var specifiers = unusable.MetadataRequiresPython is { } fromMetadata
                    ? [fromMetadata]
                    : versions.Ascending().SelectMany(candidates.RequiresPythonOf).Distinct(StringComparer.Ordinal).ToList();
                return $"{list} {(plural ? "require" : "requires")} Python {Join(specifiers, "or")} (the target has Python {_target.PythonVersion})";
            case UnusableReason.IncompatibleWheels:
                var tags = versions.Ascending().SelectMany(candidates.WheelTagsOf).Distinct(StringComparer.Ordinal).ToList();
                var shown = string.Join(", ", tags.Take(MaxListedTags)) + (tags.Count > MaxListedTags ? $" and {tags.Count - MaxListedTags} more" : string.Empty);
                return $"{list} {(plural ? "have" : "has")} no wheel compatible with {_target.Name} (wheel tags: {shown}; the target {_target.AcceptedTagsSummary})";
            default:
                return $"{list} {(plural ? "are pre-releases" : "is a pre-release")} (pre-releases of {package.Name} are used only when a root requirement or constraint asks for one, or when it has no final release)";
        }
    }

    /// <summary><c>numpy 2.0</c>, <c>numpy 2.0, 2.1 and 2.2</c>, <c>numpy 1.0, 1.1, ... and 37 other versions</c>.</summary>
    private static string VersionList(SolverPackage package, VersionSet versions, bool all)
    {
        var candidates = package.Candidates!;
        var texts = versions.Ascending().Select(index => candidates.VersionAt(index).ToString()).ToList();
        if (texts.Count == 0)
        {
            return all ? $"no versions of {package.Name}" : package.Name.ToString();
        }

        if (all && texts.Count > MaxListedVersions)
        {
            return $"only {texts.Count} versions of {package.Name}, from {texts[0]} to {texts[^1]}";
        }

        var prefix = all ? "only " + package.Name + " " : package.Name + " ";
        if (texts.Count > MaxListedVersions)
        {
            return prefix + string.Join(", ", texts.Take(MaxListedVersions)) + $" and {texts.Count - MaxListedVersions} other versions";
        }

        return prefix + Join(texts, "and");
    }

    private static string Join(IEnumerable<string> items, string conjunction)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " " + conjunction + " " + list[^1],
        };
    }
}
