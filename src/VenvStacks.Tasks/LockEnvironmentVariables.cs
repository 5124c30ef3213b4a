using System.Collections;
using System.Collections.Immutable;
using VenvStacks.Core.Specs;

namespace VenvStacks.Tasks;

/// <summary>
/// The environment variables locking depends on, read once and then passed explicitly, so the engine never consults
/// the process environment itself (MSBuild may run other projects, with other environments, on the same node while a
/// task is yielded): <c>UV_EXCLUDE_NEWER</c> and <c>MACOSX_DEPLOYMENT_TARGET</c> (spec defaults), <c>NETRC</c> and
/// <c>UV_INDEX_&lt;NAME&gt;_USERNAME</c>/<c>_PASSWORD</c> (index credentials).
/// </summary>
internal sealed class LockEnvironmentVariables
{
    private const string IndexCredentialPrefix = "UV_INDEX_";
    private const string NetrcVariable = "NETRC";

    private const string HomeVariable = "HOME";

    private readonly string? _home;

    private LockEnvironmentVariables(ImmutableSortedDictionary<string, string> values, string? home)
    {
        Values = values;
        _home = home;
    }

    /// <summary>The documented variables that are set (non-empty), by name.</summary>
    public ImmutableSortedDictionary<string, string> Values { get; }

    /// <summary>The options the spec is loaded with: only the variables venvstacks reads while loading.</summary>
    public StackSpecLoadOptions SpecLoadOptions => new(Values
        .Where(v => IsSpecVariable(v.Key))
        .ToImmutableDictionary(StringComparer.Ordinal));

    /// <summary>
    /// The variables the index client reads credentials from, plus <c>HOME</c> (the user's home folder, where
    /// <c>.netrc</c> is looked for when <c>NETRC</c> is unset) so the client never consults the process for it.
    /// </summary>
    public IReadOnlyDictionary<string, string> Credentials
    {
        get
        {
            var credentials = Values.Where(v => IsCredentialVariable(v.Key)).ToImmutableDictionary(StringComparer.Ordinal);
            return string.IsNullOrEmpty(_home) ? credentials : credentials.SetItem(HomeVariable, _home);
        }
    }

    /// <summary>Reads the documented variables from the process environment, for the lock inputs hash and the index credentials (spec variables and the cache folder are read by Core itself).</summary>
    public static LockEnvironmentVariables FromProcess() =>
        From(
            Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
                .Select(e => KeyValuePair.Create((string)e.Key, e.Value as string ?? string.Empty)),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The documented variables among <paramref name="variables"/> that are set (non-empty).</summary>
    public static LockEnvironmentVariables From(IEnumerable<KeyValuePair<string, string>> variables, string? home = null) =>
        new(variables.Where(v => IsDocumented(v.Key) && v.Value.Length > 0).ToImmutableSortedDictionary(StringComparer.Ordinal), home);

    /// <summary>
    /// Lines for the inputs hash of the LockLayers target. Credentials contribute only their presence: they never
    /// change a lock (a run that failed for want of them is always repeated), and they must not end up in any file,
    /// not even hashed.
    /// </summary>
    public IEnumerable<string> HashLines() =>
        Values.Select(v => v.Key.StartsWith(IndexCredentialPrefix, StringComparison.Ordinal) ? $"env {v.Key} is set" : $"env {v.Key}={v.Value}");

    private static bool IsDocumented(string name) => IsSpecVariable(name) || IsCredentialVariable(name);

    private static bool IsSpecVariable(string name) =>
        name is StackSpecLoadOptions.MacOSDeploymentTargetVariable or StackSpecLoadOptions.ExcludeNewerVariable;

    private static bool IsCredentialVariable(string name) =>
        name == NetrcVariable || name.StartsWith(IndexCredentialPrefix, StringComparison.Ordinal);
}
