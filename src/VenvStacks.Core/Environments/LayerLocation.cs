namespace VenvStacks.Core.Environments;

/// <summary>One layer as the environment files refer to it.</summary>
/// <param name="BuildName">The build folder name, e.g. <c>framework-scipy</c>.</param>
/// <param name="InstallTarget">The deployed folder name, e.g. <c>framework-scipy@5</c>.</param>
/// <param name="EnvironmentPath">The absolute path of the layer's build folder on this machine.</param>
public sealed record LayerLocation(string BuildName, string InstallTarget, string EnvironmentPath);
