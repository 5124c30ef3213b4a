using CsCheck;
using VenvStacks.Packaging.Installation;
using VenvStacks.TestSupport.Wheels;

namespace VenvStacks.Packaging.Tests.Installation;

/// <summary>Whatever entry name a wheel carries, installing it either fails with a typed error having written nothing,
/// or writes only inside the environment.</summary>
public class EntryNamePropertyTests
{
    private static readonly string[] Tokens =
        ["pkg", "x.py", "..", ".", "", "/", "\\", ":", "C:", "~", "demo-1.0.data", "scripts", "purelib", "headers", "data", "secrets", "..\\..", "/etc", " ", "\u0001"];

    // Separators are drawn as often as all other tokens together, so most names have several segments.
    private static readonly Gen<string> Names = Gen.Frequency((1, Gen.OneOf(Tokens)), (1, Gen.Const("/")))
        .Array[1, 8]
        .Select(parts => string.Concat(parts))
        .Where(name => name.Length > 0 && !name.EndsWith('/'));

    [Fact]
    public void A_name_without_problems_stays_inside_any_root()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "root"));
        Names.Sample(name =>
        {
            if (EntryNames.Problem(name) is null)
            {
                var destination = Path.GetFullPath(Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar)));
                destination.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal).ShouldBeTrue(name);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Installing_a_wheel_with_any_entry_name_writes_inside_the_environment_or_nothing()
    {
        Names.Sample(name =>
        {
            using var target = new InstallTarget();
            var path = new WheelBuilder("demo", "1.0").WithModule("pkg/ok.py", "").WithModule(name, "content\n").Build().WriteTo(target.Wheels);
            var outside = Directory.GetParent(target.Root)!.FullName;
            var before = Directory.EnumerateFileSystemEntries(outside, "*", SearchOption.AllDirectories).Where(p => !p.StartsWith(target.Root, StringComparison.Ordinal)).ToList();
            try
            {
                WheelInstaller.InstallAsync(path, target.Scheme, InstallTarget.Options).GetAwaiter().GetResult();
                File.Exists(Path.Combine(target.SitePackages, "pkg", "ok.py")).ShouldBeTrue(name);
            }
            catch (InstallationException)
            {
                target.Contents().ShouldBeEmpty(name);
            }

            Directory.EnumerateFileSystemEntries(outside, "*", SearchOption.AllDirectories).Where(p => !p.StartsWith(target.Root, StringComparison.Ordinal))
                .ShouldBe(before, name);
        }, iter: 300);
    }
}
