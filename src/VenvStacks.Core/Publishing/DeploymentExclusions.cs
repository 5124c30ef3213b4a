using VenvStacks.Core.Archives;

namespace VenvStacks.Core.Publishing;

/// <summary>
/// What of a built layer is left out when it is prepared for deployment (docs/venvstacks-reference.md §4.3 steps 1
/// and 3): <c>__pycache__</c> and <c>sitecustomize.py</c> everywhere (their contents hold build paths; post-install
/// makes them again), and at the top level hidden (<c>.</c>-prefixed) entries and <c>pyvenv.cfg</c>.
/// </summary>
public static class DeploymentExclusions
{
    /// <summary>The name of the post-install script put at the top of every deployed layer.</summary>
    public const string PostInstallScriptName = "postinstall.py";

    /// <summary>Whether <paramref name="item"/> goes into the deployed layer.</summary>
    public static bool Includes(ArchiveSourceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var name = item.Name;
        if (name is "__pycache__" or "sitecustomize.py")
        {
            return false;
        }

        return !item.IsTopLevel || !(name.StartsWith('.') || name == "pyvenv.cfg");
    }
}
