using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VenvStacks.Core.Specs;
using VenvStacks.Core.Status;
using static VenvStacks.Tasks.MSBuildEscaping;

namespace VenvStacks.Tasks;

/// <summary>Turns layers into <c>VenvStacksLayer</c> items (the metadata is documented in docs/msbuild.md).</summary>
internal static class LayerItems
{
    /// <summary>
    /// One item per enabled layer, in stack order, named by build name; <paramref name="lockSummary"/> gives the lock
    /// version a versioned layer's install target carries.
    /// </summary>
    public static ITaskItem[] Create(StackSpec spec, Func<LayerSpec, LayerLockSummary> lockSummary) =>
        [.. spec.Layers.Select(layer => Create(layer, layer.InstallTarget(lockSummary(layer).LockVersion)))];

    private static TaskItem Create(LayerSpec layer, string installTarget)
    {
        var runtime = layer.Runtime;
        var item = new TaskItem(Escape(layer.BuildName));
        item.SetMetadata("Kind", layer.Kind.ToString());
        item.SetMetadata("Name", Escape(layer.Name));
        item.SetMetadata("BuildName", Escape(layer.BuildName));
        item.SetMetadata("InstallTarget", Escape(installTarget));
        item.SetMetadata("Runtime", Escape(runtime.BuildName));
        item.SetMetadata("Frameworks", EscapeList(layer.Frameworks.Select(f => f.BuildName)));
        item.SetMetadata("Platforms", EscapeList(layer.Platforms.Select(p => p.Name)));
        item.SetMetadata("PythonImplementation", Escape(runtime.PythonImplementation.ToString()));
        item.SetMetadata("PythonVersion", Escape(runtime.PythonImplementation.Version));
        item.SetMetadata("Versioned", layer.Versioned ? "true" : "false");
        item.SetMetadata("LinuxTarget", Escape(layer.LinuxTargetText));
        item.SetMetadata("MacOSTarget", Escape(layer.MacOSTargetText));
        if (layer is ApplicationLayerSpec application)
        {
            item.SetMetadata("LaunchModule", Escape(application.LaunchModule.FullPath));
            item.SetMetadata("LaunchModuleName", Escape(application.LaunchModule.ModuleName));
            item.SetMetadata("SupportModules", EscapeList(application.SupportModules.Select(m => m.FullPath)));
        }

        return item;
    }
}
