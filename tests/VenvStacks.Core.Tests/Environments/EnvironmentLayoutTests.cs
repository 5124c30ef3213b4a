using VenvStacks.Packaging.Installation;
using VenvStacks.Core.Environments;
using VenvStacks.Core.Specs;
using VenvStacks.Packaging.Platforms;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Environments;

/// <summary>Layer layouts per target OS (docs/venvstacks-reference.md §3.1, §3.9) and the install scheme.</summary>
public class EnvironmentLayoutTests
{
    private static readonly PythonImplementation Python312 = PythonImplementation.Parse("cpython@3.12.9");

    [Theory]
    [InlineData(LayerKind.Runtime, TargetOperatingSystem.Linux, "bin/python", "bin", "lib/python3.12/site-packages", "share/venv/dynlib", "include/python3.12")]
    [InlineData(LayerKind.Runtime, TargetOperatingSystem.MacOS, "bin/python", "bin", "lib/python3.12/site-packages", "share/venv/dynlib", "include/python3.12")]
    [InlineData(LayerKind.Runtime, TargetOperatingSystem.Windows, "python.exe", "Scripts", @"Lib\site-packages", @"Library\bin", "Include")]
    [InlineData(LayerKind.Framework, TargetOperatingSystem.Linux, "bin/python", "bin", "lib/python3.12/site-packages", "share/venv/dynlib", "include/site/python3.12")]
    [InlineData(LayerKind.Application, TargetOperatingSystem.MacOS, "bin/python", "bin", "lib/python3.12/site-packages", "share/venv/dynlib", "include/site/python3.12")]
    [InlineData(LayerKind.Application, TargetOperatingSystem.Windows, @"Scripts\python.exe", "Scripts", @"Lib\site-packages", @"Library\bin", @"include\site\python3.12")]
    public void Runtimes_have_python_build_standalone_s_layout_and_layers_the_venv_scheme(
        LayerKind kind, TargetOperatingSystem os, string python, string scripts, string site, string dynlib, string headers)
    {
        var layout = EnvironmentLayout.For(kind, os, Python312);

        layout.Python.ToText(os).ShouldBe(python);
        layout.ScriptsDirectory.ToText(os).ShouldBe(scripts);
        layout.SitePackages.ToText(os).ShouldBe(site);
        layout.DynlibDirectory.ToText(os).ShouldBe(dynlib);
        layout.HeadersDirectory.ToText(os).ShouldBe(headers);
        layout.IsRuntime.ShouldBe(kind == LayerKind.Runtime);
    }

    [Theory]
    [InlineData(TargetOperatingSystem.Linux, "share/venv/metadata/venvstacks_layer.json", "lib/python3.12/site-packages/sitecustomize.py")]
    [InlineData(TargetOperatingSystem.Windows, @"share\venv\metadata\venvstacks_layer.json", @"Lib\site-packages\sitecustomize.py")]
    public void Metadata_and_sitecustomize_paths_use_the_target_separator(TargetOperatingSystem os, string config, string siteCustomize)
    {
        var layout = EnvironmentLayout.ForLayered(os, Python312);

        layout.LayerConfig.ToText(os).ShouldBe(config);
        layout.SiteCustomize.ToText(os).ShouldBe(siteCustomize);
        layout.PyvenvConfig.ToText(os).ShouldBe("pyvenv.cfg");
    }

    [Fact]
    public void Install_scheme_puts_purelib_and_platlib_in_site_packages_and_data_at_the_root()
    {
        var env = Path.Combine(Path.GetTempPath(), "layer");

        var scheme = EnvironmentLayout.ForLayered(TargetOperatingSystem.Linux, Python312).InstallScheme(env);

        var site = Path.Combine(env, "lib", "python3.12", "site-packages");
        scheme.Purelib.ShouldBe(site);
        scheme.Platlib.ShouldBe(site);
        scheme.Scripts.ShouldBe(Path.Combine(env, "bin"));
        scheme.Data.ShouldBe(env);
        scheme.Headers.ShouldBe(Path.Combine(env, "include", "site", "python3.12"));
    }

    [Fact]
    public void A_Windows_scheme_written_on_this_host_uses_Windows_folder_names()
    {
        var env = Path.Combine(Path.GetTempPath(), "layer");

        var scheme = EnvironmentLayout.ForRuntime(TargetOperatingSystem.Windows, Python312).InstallScheme(env);

        scheme.Purelib.ShouldBe(Path.Combine(env, "Lib", "site-packages"));
        scheme.Scripts.ShouldBe(Path.Combine(env, "Scripts"));
        scheme.Headers.ShouldBe(Path.Combine(env, "Include"));
    }

    [Fact]
    public void Relative_paths_reject_absolute_and_backslashed_segments()
    {
        Should.Throw<ArgumentException>(() => LayerRelativePath.Of("/abs"));
        Should.Throw<ArgumentException>(() => LayerRelativePath.Of(@"a\b"));
        LayerRelativePath.Of("a/b", "c").Segments.ShouldBe(["a", "b", "c"]);
        LayerRelativePath.Of("a/b", "c").Directory.ShouldBe(LayerRelativePath.Of("a", "b"));
        LayerRelativePath.Root.Append(LayerRelativePath.Of("x")).ShouldBe(LayerRelativePath.Of("x"));
    }
}
