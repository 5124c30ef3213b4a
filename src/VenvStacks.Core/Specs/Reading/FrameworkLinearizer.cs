namespace VenvStacks.Core.Specs.Reading;

/// <summary>
/// C3 linearisation of a layer's framework dependencies (the algorithm of Python's method resolution order), so
/// that <c>sys.path</c> order respects every framework's own order. Unlike a class MRO the layer itself is not part
/// of the result.
/// </summary>
internal static class FrameworkLinearizer
{
    /// <summary>The linearised frameworks, or null with the sequences that could not be merged.</summary>
    public static IReadOnlyList<FrameworkLayerSpec>? Linearize(
        IReadOnlyList<FrameworkLayerSpec> declared,
        out IReadOnlyList<IReadOnlyList<FrameworkLayerSpec>> unmergeable)
    {
        var sequences = declared
            .Select(framework => new List<FrameworkLayerSpec>([framework, .. framework.LinearizedFrameworks]))
            .Append(new List<FrameworkLayerSpec>(declared))
            .Where(sequence => sequence.Count > 0)
            .ToList();
        var result = new List<FrameworkLayerSpec>();
        while (sequences.Count > 0)
        {
            var next = sequences
                .Select(sequence => sequence[0])
                .FirstOrDefault(head => !sequences.Any(sequence => InTail(sequence, head)));
            if (next is null)
            {
                unmergeable = sequences;
                return null;
            }

            result.Add(next);
            foreach (var sequence in sequences)
            {
                if (ReferenceEquals(sequence[0], next))
                {
                    sequence.RemoveAt(0);
                }
            }

            sequences.RemoveAll(sequence => sequence.Count == 0);
        }

        unmergeable = [];
        return result;
    }

    // Layers are registered once per spec, so identity is the right notion of "the same layer".
    private static bool InTail(List<FrameworkLayerSpec> sequence, FrameworkLayerSpec candidate)
    {
        for (var i = 1; i < sequence.Count; i++)
        {
            if (ReferenceEquals(sequence[i], candidate))
            {
                return true;
            }
        }

        return false;
    }
}
