using System.Collections.Immutable;

namespace VenvStacks.Core.Specs;

/// <summary>
/// The environment a spec is read in. venvstacks reads <c>MACOSX_DEPLOYMENT_TARGET</c> and <c>UV_EXCLUDE_NEWER</c>
/// from the process; here they are explicit inputs so that loading is deterministic and MSBuild tasks never depend
/// on ambient state they did not declare.
/// </summary>
/// <param name="EnvironmentVariables">The variables to consult; see <see cref="FromProcessEnvironment"/>.</param>
public sealed record StackSpecLoadOptions(ImmutableDictionary<string, string> EnvironmentVariables)
{
    /// <summary>Options with no environment variables set.</summary>
    public static StackSpecLoadOptions Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>The variables that affect loading, read from the current process.</summary>
    public static StackSpecLoadOptions FromProcessEnvironment()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { MacOSDeploymentTargetVariable, ExcludeNewerVariable })
        {
            var value = Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrEmpty(value))
            {
                builder[name] = value;
            }
        }

        return new StackSpecLoadOptions(builder.ToImmutable());
    }

    /// <summary>Supplies the default <c>macosx_target</c> (as in venvstacks).</summary>
    public const string MacOSDeploymentTargetVariable = "MACOSX_DEPLOYMENT_TARGET";

    /// <summary>Overrides <c>exclude-newer</c> (as in uv and venvstacks).</summary>
    public const string ExcludeNewerVariable = "UV_EXCLUDE_NEWER";

    /// <summary>The value of a variable, or null when unset or empty.</summary>
    public string? Get(string name) =>
        EnvironmentVariables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
