using System.Text;
using System.Text.Json.Nodes;
using VenvStacks.Core.Json;

namespace VenvStacks.Core.Status;

/// <summary>Renders a status report as venvstacks' <c>show</c> tree or its <c>--json</c> document.</summary>
public static class StackStatusRenderer
{
    /// <summary>The tree, with LF line endings and no trailing newline.</summary>
    public static string RenderTree(StackStatusReport report)
    {
        var lines = new List<string> { report.SpecName };
        var groups = new (string Label, IReadOnlyList<LayerStatus> Layers)[]
        {
            ("Runtimes", report.Runtimes),
            ("Frameworks", report.Frameworks),
            ("Applications", report.Applications),
        };
        for (var g = 0; g < groups.Length; g++)
        {
            var lastGroup = g == groups.Length - 1;
            lines.Add(Branch(lastGroup) + groups[g].Label);
            var groupIndent = lastGroup ? "    " : "│   ";
            var layers = groups[g].Layers;
            for (var i = 0; i < layers.Count; i++)
            {
                var lastLayer = i == layers.Count - 1;
                lines.Add(groupIndent + Branch(lastLayer) + Label(layers[i]));
                var dependencies = layers[i].Dependencies ?? [];
                var layerIndent = groupIndent + (lastLayer ? "    " : "│   ");
                for (var d = 0; d < dependencies.Length; d++)
                {
                    lines.Add(layerIndent + Branch(d == dependencies.Length - 1) + Label(dependencies[d]));
                }
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>The JSON document (venvstacks' schema, Python formatting), without a trailing newline.</summary>
    public static string RenderJson(StackStatusReport report)
    {
        var root = new JsonObject
        {
            ["spec_name"] = report.SpecName,
            ["runtimes"] = ToJson(report.Runtimes),
            ["frameworks"] = ToJson(report.Frameworks),
            ["applications"] = ToJson(report.Applications),
        };
        return PythonJson.Serialize(root);
    }

    /// <summary>One layer as shown in the tree: <c>*</c> without a valid lock, <c>build -> deployed</c> when they differ.</summary>
    public static string Label(LayerStatus status)
    {
        var builder = new StringBuilder();
        if (!status.HasValidLock)
        {
            builder.Append('*');
        }

        builder.Append(status.Name);
        if (!string.Equals(status.Name, status.InstallTarget, StringComparison.Ordinal))
        {
            builder.Append(" -> ").Append(status.InstallTarget);
        }

        if (status.SelectedOperations is { Length: > 0 } operations)
        {
            builder.Append(" (").Append(string.Join(", ", operations)).Append(')');
        }

        return builder.ToString();
    }

    private static string Branch(bool last) => last ? "└── " : "├── ";

    private static JsonArray ToJson(IEnumerable<LayerStatus> layers) => new(layers.Select(ToJson).ToArray<JsonNode?>());

    private static JsonObject ToJson(LayerStatus status)
    {
        var result = new JsonObject
        {
            ["name"] = status.Name,
            ["install_target"] = status.InstallTarget,
            ["has_valid_lock"] = status.HasValidLock,
            ["selected_operations"] = status.SelectedOperations is { } ops ? new JsonArray(ops.Select(o => (JsonNode?)o).ToArray()) : null,
        };
        if (status.Dependencies is { } dependencies)
        {
            result["dependencies"] = ToJson(dependencies);
        }

        return result;
    }
}
