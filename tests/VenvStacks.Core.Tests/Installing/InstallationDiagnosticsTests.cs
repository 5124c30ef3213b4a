using VenvStacks.Core.Diagnostics;
using VenvStacks.Core.Installing;
using VenvStacks.Packaging.Installation;

namespace VenvStacks.Core.Tests.Installing;

public class InstallationDiagnosticsTests
{
    [Fact]
    public void Every_installer_error_kind_has_a_catalogue_code_in_the_installing_range()
    {
        var catalogue = DiagnosticCodes.All.ToHashSet();

        foreach (var kind in Enum.GetValues<InstallationErrorKind>())
        {
            var descriptor = InstallationDiagnostics.DescriptorFor(kind);
            catalogue.ShouldContain(descriptor, $"{kind} maps to {descriptor.Code}, which is not in the catalogue");
            int.Parse(descriptor.Code[4..]).ShouldBeInRange(3020, 3039);
        }
    }

    [Fact]
    public void The_error_names_the_layer_and_keeps_the_installers_message()
    {
        var exception = new InstallationException(InstallationErrorKind.RecordMismatch, "demo-1.0-py3-none-any.whl", "demo.py", "demo-1.0-py3-none-any.whl: 'demo.py' does not match");

        var diagnostic = InstallationDiagnostics.ErrorFor("app-demo", exception, SourceLocation.FileOnly("pylock.app-demo.toml"));

        diagnostic.ToString().ShouldBe("pylock.app-demo.toml: error VSTK3030: Layer app-demo: demo-1.0-py3-none-any.whl: 'demo.py' does not match");
    }
}
