namespace VenvStacks.Packaging.Pep440;

/// <summary>
/// The pre-release policy pypa/packaging applies after matching. With no explicit policy, PEP 440's default:
/// pre-releases are returned only when no final release matched; text that is not a version (which only
/// <c>===</c> or an empty set can match) is always kept. Output keeps the input order.
/// </summary>
internal static class PrereleaseFiltering
{
    public static IEnumerable<T> Filter<T>(IEnumerable<T> items, Func<T, VersionCandidate> candidateOf, Func<VersionCandidate, bool> matches, bool? prereleases)
    {
        return prereleases switch
        {
            true => items.Where(item => matches(candidateOf(item))),
            false => items.Where(item =>
            {
                var candidate = candidateOf(item);
                return !candidate.IsPrerelease && matches(candidate);
            }),
            null => FilterWithDefaultPolicy(items, candidateOf, matches),
        };
    }

    private static IEnumerable<T> FilterWithDefaultPolicy<T>(IEnumerable<T> items, Func<T, VersionCandidate> candidateOf, Func<VersionCandidate, bool> matches)
    {
        List<T>? heldBack = null;
        List<T>? unparsedBeforeFinal = null;
        var foundFinal = false;
        foreach (var item in items)
        {
            var candidate = candidateOf(item);
            if (!matches(candidate))
            {
                continue;
            }

            if (candidate.Parsed is null)
            {
                if (foundFinal)
                {
                    yield return item;
                }
                else
                {
                    (unparsedBeforeFinal ??= []).Add(item);
                    (heldBack ??= []).Add(item);
                }
            }
            else if (!candidate.Parsed.IsPrerelease)
            {
                if (!foundFinal)
                {
                    foundFinal = true;
                    if (unparsedBeforeFinal is not null)
                    {
                        foreach (var unparsed in unparsedBeforeFinal)
                        {
                            yield return unparsed;
                        }
                    }
                }

                yield return item;
            }
            else if (!foundFinal)
            {
                (heldBack ??= []).Add(item);
            }
        }

        if (!foundFinal && heldBack is not null)
        {
            foreach (var item in heldBack)
            {
                yield return item;
            }
        }
    }
}
