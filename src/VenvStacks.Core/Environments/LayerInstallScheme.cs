namespace VenvStacks.Core.Environments;

/// <summary>
/// The install scheme a wheel installer needs for one layer (absolute paths on this machine): the keys of a
/// <c>.data</c> folder and where the wheel's root goes. <c>purelib</c> and <c>platlib</c> are the same folder, as in a
/// virtual environment; <c>data</c> is the layer root.
/// </summary>
/// <param name="Purelib">Site-packages.</param>
/// <param name="Platlib">Site-packages (the same folder).</param>
/// <param name="Scripts">The console-scripts folder (<c>bin</c> or <c>Scripts</c>); pruned after the build.</param>
/// <param name="HeadersBase">The headers folder before the distribution name is appended.</param>
/// <param name="Data">The layer root.</param>
public sealed record LayerInstallScheme(string Purelib, string Platlib, string Scripts, string HeadersBase, string Data)
{
    /// <summary>Where <c>.data/headers</c> of distribution <paramref name="distributionName"/> go.</summary>
    public string HeadersFor(string distributionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(distributionName);
        return Path.Combine(HeadersBase, distributionName);
    }
}
