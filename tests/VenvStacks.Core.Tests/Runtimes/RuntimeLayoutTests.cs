using VenvStacks.Core.Runtimes;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Tests.Runtimes;

public class RuntimeLayoutTests
{
    [Theory]
    [InlineData("linux_x86_64", "bin/python3", "lib/python3.12/site-packages")]
    [InlineData("linux_aarch64", "bin/python3", "lib/python3.12/site-packages")]
    [InlineData("macosx_arm64", "bin/python3", "lib/python3.12/site-packages")]
    [InlineData("macosx_x86_64", "bin/python3", "lib/python3.12/site-packages")]
    [InlineData("win_amd64", "python.exe", "Lib/site-packages")]
    [InlineData("win_arm64", "python.exe", "Lib/site-packages")]
    public void Interpreter_and_site_packages_follow_the_platform_layout(string platform, string interpreter, string sitePackages)
    {
        var layout = new RuntimeLayout(TargetPlatform.Parse(platform), "3.12");

        layout.Interpreter.ShouldBe(interpreter.Replace('/', Path.DirectorySeparatorChar));
        layout.SitePackages.ShouldBe(sitePackages.Replace('/', Path.DirectorySeparatorChar));
    }
}
