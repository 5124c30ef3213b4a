using VenvStacks.Packaging.Credentials;

namespace VenvStacks.Packaging.Tests.Credentials;

public sealed class NetrcFileTests
{
    [Fact]
    public void Machines_and_the_default_entry_are_read()
    {
        var netrc = NetrcFile.Parse("""
            # a comment line
            machine a.example login alice password one
            machine b.example
                login bob
                account ignored
                password "two words"
            default login anon password guest
            """);

        netrc.ForMachine("a.example").ShouldBe(new IndexCredentials("alice", "one"));
        netrc.ForMachine("B.EXAMPLE").ShouldBe(new IndexCredentials("bob", "two words"));
        netrc.ForMachine("c.example").ShouldBeNull();
        netrc.Default.ShouldBe(new IndexCredentials("anon", "guest"));
    }

    [Fact]
    public void A_later_entry_for_the_same_machine_wins()
    {
        NetrcFile.Parse("machine h login first password 1\nmachine h login second password 2\n")
            .ForMachine("h").ShouldBe(new IndexCredentials("second", "2"));
    }

    [Fact]
    public void Macro_definitions_are_skipped_up_to_the_blank_line()
    {
        var netrc = NetrcFile.Parse("macdef init\ncd /pub\nmachine fake login x password y\n\nmachine real login r password s\n");

        netrc.ForMachine("fake").ShouldBeNull();
        netrc.ForMachine("real").ShouldBe(new IndexCredentials("r", "s"));
    }

    [Fact]
    public void Credentials_never_print()
    {
        new IndexCredentials("alice", "secret").ToString().ShouldNotContain("secret");
        new IndexCredentials("alice", "secret").ToString().ShouldNotContain("alice");
    }
}
