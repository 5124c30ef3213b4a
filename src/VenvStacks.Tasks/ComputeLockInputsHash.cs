using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;

namespace VenvStacks.Tasks;

/// <summary>
/// Hashes what decides whether the LockLayers target must run beyond file timestamps: setting values, the list of
/// input files (so a deleted lock file or a wheel removed from a local folder counts as a change, which timestamps
/// alone miss) and the environment variables locking reads. The targets write the hash to a cache file only when it
/// changed, and that file is one of LockLayers' inputs.
/// </summary>
public sealed class ComputeLockInputsHash : VenvStacksTask
{
    /// <summary>Setting values (<c>name=value</c>), hashed in the order given.</summary>
    public string[] Values { get; set; } = [];

    /// <summary>Input files whose full paths (not contents: the target compares timestamps) are hashed, in sorted order.</summary>
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The SHA-256 of everything above, as lower-case hex.</summary>
    [Output]
    public string Hash { get; private set; } = string.Empty;

    /// <inheritdoc />
    protected override void ExecuteCore() =>
        Hash = Compute(Values, Files.Select(f => f.GetMetadata("FullPath")), LockEnvironmentVariables.FromProcess());

    /// <summary>The hash of the given inputs.</summary>
    internal static string Compute(IEnumerable<string> values, IEnumerable<string> files, LockEnvironmentVariables environment)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append("value ").Append(value).Append('\n');
        }

        foreach (var file in files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append("file ").Append(file).Append('\n');
        }

        foreach (var line in environment.HashLines())
        {
            text.Append(line).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}
