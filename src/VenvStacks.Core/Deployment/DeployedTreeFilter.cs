namespace VenvStacks.Core.Deployment;

/// <summary>
/// What of a built layer folder is left out when it is copied for deployment, by export and by archive preparation
/// alike (docs/venvstacks-reference.md §4.3): <c>__pycache__</c> and <c>sitecustomize.py</c> at any depth, and at the
/// top hidden (<c>.</c>-prefixed) entries, <c>pyvenv.cfg</c> and <c>postinstall.py</c>. The build-time
/// <c>pyvenv.cfg</c> and <c>sitecustomize.py</c> hold build paths and bytecode is machine-specific; post-install
/// writes all three again on the target, and the post-install script itself is injected fresh.
/// </summary>
public static class DeployedTreeFilter
{
    /// <summary>Whether the entry <paramref name="name"/> is left out.</summary>
    /// <param name="name">The file or folder name.</param>
    /// <param name="topLevel">Whether the entry is directly in the layer folder.</param>
    public static bool Excludes(string name, bool topLevel)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return name is "__pycache__" or "sitecustomize.py"
            || (topLevel && (name.StartsWith('.') || name is "pyvenv.cfg" or PostInstallScript.FileName));
    }
}
