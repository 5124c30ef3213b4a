using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// A path relative to a layer folder (or to the build folder), kept as '/'-separated segments so that one value can be
/// rendered for any target: with '\' inside the JSON and text files of a Windows layer, with '/' for POSIX layers, and
/// with the host's separator where it names a file on this machine.
/// </summary>
public readonly record struct LayerRelativePath
{
    private readonly string? _value;

    private LayerRelativePath(string value) => _value = value;

    /// <summary>The segments joined with '/' (empty for the layer folder itself).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The path of the layer folder itself (no segments).</summary>
    public static LayerRelativePath Root => default;

    /// <summary>The peer-folder prefix <c>..</c> (venvstacks' relative references to other layers start with it).</summary>
    public static LayerRelativePath Parent { get; } = new("..");

    /// <summary>The last segment (a file or folder name).</summary>
    public string Name => Value[(Value.LastIndexOf('/') + 1)..];

    /// <summary>The path without its last segment.</summary>
    public LayerRelativePath Directory => Value.LastIndexOf('/') is var i && i > 0 ? new(Value[..i]) : Root;

    /// <summary>The individual segments.</summary>
    public IReadOnlyList<string> Segments => Value.Length == 0 ? [] : Value.Split('/');

    /// <summary>A path from segments; a segment may itself hold '/'-separated segments.</summary>
    /// <exception cref="ArgumentException">A segment is empty, absolute, or contains '\'.</exception>
    public static LayerRelativePath Of(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var result = Root;
        foreach (var segment in segments)
        {
            result = result.Append(segment);
        }

        return result;
    }

    /// <summary>This path followed by <paramref name="segment"/> (which may hold '/'-separated segments).</summary>
    public LayerRelativePath Append(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        if (segment.StartsWith('/') || segment.EndsWith('/') || segment.Contains('\\', StringComparison.Ordinal)
            || segment.Contains("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{segment}' is not a relative '/'-separated path", nameof(segment));
        }

        return new LayerRelativePath(Value.Length == 0 ? segment : Value + "/" + segment);
    }

    /// <summary>This path followed by another relative path.</summary>
    public LayerRelativePath Append(LayerRelativePath other) => other.Value.Length == 0 ? this : Append(other.Value);

    /// <summary>The text written into a layer's files for <paramref name="operatingSystem"/>: '\'-separated on Windows.</summary>
    public string ToText(TargetOperatingSystem operatingSystem) =>
        operatingSystem == TargetOperatingSystem.Windows ? Value.Replace('/', '\\') : Value;

    /// <summary>The file on this machine that the path names below <paramref name="directory"/>.</summary>
    public string Under(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Value.Length == 0 ? directory : Path.Combine(directory, Value.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
