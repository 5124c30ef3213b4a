using Microsoft.Build.Framework;
using VenvStacks.Core.Locking;
using VenvStacks.Core.Status;

namespace VenvStacks.Tasks;

/// <summary>
/// Prints the layers of the stack as venvstacks' <c>show</c> does: the tree (each layer with its lower layers,
/// <c>*</c> marking layers without a valid lock) or the JSON status document, at high importance.
/// </summary>
public sealed class ShowStackLayers : VenvStacksCancelableTask
{
    /// <summary>The spec file (<c>venvstacks.toml</c>); a relative path is taken from the project's folder.</summary>
    [Required]
    public string Spec { get; set; } = string.Empty;

    /// <summary><c>tree</c> (default) or <c>json</c>, in any letter case.</summary>
    public string Format { get; set; } = "tree";

    /// <inheritdoc />
    protected override void ExecuteCancelableCore()
    {
        var format = string.IsNullOrWhiteSpace(Format) ? "tree" : Format.Trim();
        Func<StackStatusReport, string>? render = format.ToUpperInvariant() switch
        {
            "TREE" => StackStatusRenderer.RenderTree,
            "JSON" => StackStatusRenderer.RenderJson,
            _ => null,
        };
        if (render is null)
        {
            Log.LogError(
                null, TaskDiagnosticCodes.UnknownShowFormat, null,
                BuildEngine.ProjectFileOfTaskNode, BuildEngine.LineNumberOfTaskNode, BuildEngine.ColumnNumberOfTaskNode, 0, 0,
                $"Unknown VenvStacksShowFormat '{format}': use 'tree' or 'json'.");
            return;
        }

        var spec = StackSpecInput.Load(Log, BuildEngine.ProjectFileOfTaskNode, Spec);
        if (spec is not null)
        {
            // Each layer with its lower layers, locks checked against the spec (files only, never the network), so
            // versioned layers show their deployed name@N once locked.
            var status = StackStatusBuilder.Build(spec, LockStateReader.Summaries(spec, CancellationToken), includeDependencies: true);
            // The text goes through as the message itself, never as a format string.
            Log.LogMessage(MessageImportance.High, "{0}", render(status));
        }
    }
}
