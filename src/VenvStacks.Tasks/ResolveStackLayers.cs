using Microsoft.Build.Framework;
using VenvStacks.Core.Locking;

namespace VenvStacks.Tasks;

/// <summary>
/// Reads and validates the stack spec. Every problem is logged with its code, file and line; when there is none,
/// <see cref="Layers"/> holds one item per enabled layer (item spec = build name, metadata in docs/msbuild.md).
/// </summary>
public sealed class ResolveStackLayers : VenvStacksCancelableTask
{
    /// <summary>The spec file (<c>venvstacks.toml</c>); a relative path is taken from the project's folder.</summary>
    [Required]
    public string Spec { get; set; } = string.Empty;

    /// <summary>The enabled layers in stack order: runtimes, frameworks, applications.</summary>
    [Output]
    public ITaskItem[] Layers { get; private set; } = [];

    /// <inheritdoc />
    protected override void ExecuteCancelableCore()
    {
        var spec = StackSpecInput.Load(Log, BuildEngine.ProjectFileOfTaskNode, Spec);
        if (spec is not null)
        {
            // Locks are checked against the spec (files only, never the network), so versioned layers get their
            // deployed name@N once locked. Hashing launch modules stops on Ctrl+C.
            Layers = LayerItems.Create(spec, LockStateReader.Summaries(spec, CancellationToken));
            // One line per build, like the "project -> output" line of an assembly project.
            Log.LogMessage(
                MessageImportance.High,
                "{0} -> {1} layers ({2} runtimes, {3} frameworks, {4} applications)",
                spec.SpecPath, Layers.Length, spec.Runtimes.Count(), spec.Frameworks.Count(), spec.Applications.Count());
        }
    }
}
