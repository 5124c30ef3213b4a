using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;
using VenvStacks.Packaging;
using VenvStacks.Packaging.Pep508;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Specs.Reading;

/// <summary>Reads and validates the fields every layer kind shares (docs/venvstacks-reference.md §1.2).</summary>
internal sealed class CommonLayerFieldsReader(
    SpecTableReader reader,
    string layerName,
    ISet<string> namedIndexes,
    StackSpecLoadOptions options,
    DiagnosticBag diagnostics)
{
    /// <param name="inferredPlatforms">The platforms the lower layers support; null when they could not be resolved.</param>
    /// <param name="inheritedIndexes">Package index routing inherited from lower layers.</param>
    /// <param name="indexOverrides">The layer's declared index overrides.</param>
    /// <param name="errorPrefix">How index consistency errors name the layer ("Application 'x'").</param>
    public CommonLayerFields Read(
        IReadOnlyList<TargetPlatform>? inferredPlatforms,
        IReadOnlyDictionary<string, string> inheritedIndexes,
        IReadOnlyDictionary<string, string> indexOverrides,
        string? errorPrefix = null)
    {
        var requirements = ReadRequirements();
        var platforms = ReadPlatforms(inferredPlatforms);
        var versioned = reader.Boolean("versioned")?.Value ?? false;
        var (linuxTarget, linuxTargetText) = ReadLinuxTarget();
        var (macOSTarget, macOSTargetText) = ReadMacOSTarget();
        var dynlibExclude = (reader.StringArray("dynlib_exclude")?.Value ?? []).Select(p => p.Value).ToImmutableArray();
        var packageIndexes = PackageIndexMerger.ApplyOwn(
            errorPrefix ?? layerName,
            layerName,
            inheritedIndexes,
            reader.StringTable("package_indexes") ?? [],
            indexOverrides,
            namedIndexes,
            diagnostics);
        var priorityIndexes = ReadPriorityIndexes();
        return new CommonLayerFields(
            requirements, platforms, versioned, linuxTarget, macOSTarget, linuxTargetText, macOSTargetText, dynlibExclude, packageIndexes, priorityIndexes);
    }

    private ImmutableArray<Requirement> ReadRequirements()
    {
        var declared = reader.StringArray("requirements", required: true);
        var result = ImmutableArray.CreateBuilder<Requirement>();
        foreach (var item in declared?.Value ?? [])
        {
            try
            {
                result.Add(Requirement.Parse(item.Value));
            }
            catch (PackagingFormatException ex)
            {
                diagnostics.Error(
                    DiagnosticCodes.InvalidRequirement,
                    $"{layerName} uses invalid requirement syntax: {ex.Message} (in '{Excerpt(item.Value, ex.Position)}' at position {ex.Position + 1})",
                    PointInto(item.Location, ex.Position));
            }
        }

        return result.ToImmutable();
    }

    private ImmutableArray<TargetPlatform> ReadPlatforms(IReadOnlyList<TargetPlatform>? inferred)
    {
        var declared = reader.StringArray("platforms");
        if (declared is not { } list)
        {
            // Unresolvable lower layers have been reported; an empty list keeps this layer out of further checks.
            return inferred is null ? [] : [.. inferred];
        }

        var platforms = new List<TargetPlatform>();
        foreach (var item in list.Value)
        {
            if (TargetPlatform.TryParse(item.Value, out var platform))
            {
                if (!platforms.Contains(platform))
                {
                    platforms.Add(platform);
                }
            }
            else
            {
                var expected = "[" + string.Join(", ", TargetPlatform.All.Select(p => $"'{p.Name}'")) + "]";
                diagnostics.Error(
                    DiagnosticCodes.InvalidPlatform,
                    $"{layerName} specifies an invalid target platform ('{item.Value}' given, expected {expected})",
                    item.Location);
            }
        }

        if (inferred is not null)
        {
            var unsupported = platforms.Except(inferred).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            if (unsupported.Count > 0)
            {
                diagnostics.Error(
                    DiagnosticCodes.UnsupportedPlatform,
                    $"{layerName} specifies target platforms not supported by lower layers ([{string.Join(", ", unsupported.Select(p => $"'{p.Name}'"))}])",
                    list.Location);
            }
        }

        return [.. platforms];
    }

    private (LinuxTarget Target, string Text) ReadLinuxTarget()
    {
        var defaultText = LinuxTarget.Default.ToString();
        if (reader.String("linux_target") is not { } text)
        {
            return (LinuxTarget.Default, defaultText);
        }

        try
        {
            return (LinuxTarget.Parse(text.Value), text.Value);
        }
        catch (FormatException ex)
        {
            diagnostics.Error(DiagnosticCodes.InvalidLinuxTarget, ex.Message, text.Location);
            return (LinuxTarget.Default, defaultText);
        }
    }

    private (MacOSTarget Target, string Text) ReadMacOSTarget()
    {
        var declared = reader.StringOrNumber("macosx_target");
        var fromEnvironment = options.Get(StackSpecLoadOptions.MacOSDeploymentTargetVariable);
        var text = declared?.Value ?? fromEnvironment;
        if (text is null)
        {
            return (MacOSTarget.Default, MacOSTarget.DefaultText);
        }

        try
        {
            return (MacOSTarget.Parse(text), text);
        }
        catch (FormatException ex)
        {
            var origin = declared is null ? $" (from {StackSpecLoadOptions.MacOSDeploymentTargetVariable})" : string.Empty;
            diagnostics.Error(DiagnosticCodes.InvalidMacOSTarget, $"{layerName} has an invalid macosx_target{origin}: {ex.Message}", declared?.Location ?? reader.Table.Location);
            return (MacOSTarget.Default, MacOSTarget.DefaultText);
        }
    }

    private ImmutableArray<string> ReadPriorityIndexes()
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var item in reader.StringArray("priority_indexes")?.Value ?? [])
        {
            if (namedIndexes.Contains(item.Value))
            {
                result.Add(item.Value);
            }
            else
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownPackageIndex,
                    $"{layerName} priority index list references an unknown package index ({item.Value})",
                    item.Location);
            }
        }

        return result.ToImmutable();
    }

    // A requirement is quoted whole unless it is long (a hostile one can be megabytes): then the part around the error.
    private static string Excerpt(string requirement, int position)
    {
        const int Context = 40;
        if (requirement.Length <= 3 * Context)
        {
            return requirement;
        }

        var start = Math.Max(0, position - Context);
        var end = Math.Min(requirement.Length, position + Context);
        return (start > 0 ? "…" : string.Empty) + requirement[start..end] + (end < requirement.Length ? "…" : string.Empty);
    }

    // Points at the offending character when the string sits on one line; otherwise at the string itself.
    // The +1 skips the opening quote; escapes before the error would shift it, which is rare in requirements.
    private static SourceLocation PointInto(SourceLocation stringLocation, int position) =>
        stringLocation.Line == stringLocation.EndLine
            ? stringLocation with { Column = stringLocation.Column + 1 + position }
            : stringLocation;
}
