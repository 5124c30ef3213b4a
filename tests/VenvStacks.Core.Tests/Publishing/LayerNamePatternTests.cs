using VenvStacks.Core.Archives;
using VenvStacks.Core.Publishing;

namespace VenvStacks.Core.Tests.Publishing;

public sealed class LayerNamePatternTests
{
    [Theory]
    [InlineData("app-*", "app-demo", true)]
    [InlineData("app-*", "framework-app-x", false)]
    [InlineData("*-layer?", "framework-layerC", true)]
    [InlineData("*-layer?", "framework-layerF@1", false)]
    [InlineData("framework-layer[A-C]", "framework-layerB", true)]
    [InlineData("framework-layer[!A-C]", "framework-layerB", false)]
    [InlineData("framework-layer[!A-C]", "framework-layerD", true)]
    [InlineData("framework-layerF@1", "framework-layerF@1", true)]
    [InlineData("cpython-3.11", "cpython-3x11", false)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("[x", "[x", true)]
    public void Patterns_match_whole_build_names_as_fnmatch_does(string pattern, string name, bool matches) =>
        new LayerNamePattern(pattern).IsMatch(name).ShouldBe(matches);

    [Theory]
    [InlineData("__pycache__", false)]
    [InlineData("lib/python3.11/site-packages/pkg/__pycache__", false)]
    [InlineData("lib/python3.11/site-packages/sitecustomize.py", false)]
    [InlineData("pyvenv.cfg", false)]
    [InlineData(".git", false)]
    [InlineData("lib/python3.11/site-packages/.libs", true)]
    [InlineData("lib/pyvenv.cfg", true)]
    [InlineData("postinstall.py", true)]
    [InlineData("bin/python", true)]
    public void Deployment_leaves_out_byte_code_site_customisation_and_top_level_venv_and_hidden_entries(string path, bool included) =>
        DeploymentExclusions.Includes(new ArchiveSourceItem(path, ArchiveEntryKind.File)).ShouldBe(included);
}
