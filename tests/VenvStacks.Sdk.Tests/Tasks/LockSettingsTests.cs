using VenvStacks.Core.Locking;
using VenvStacks.Tasks;

namespace VenvStacks.Sdk.Tests.Tasks;

/// <summary>VenvStacksLockMode accepts the three documented names in any letter case, and nothing else.</summary>
public sealed class LockSettingsTests
{
    [Theory]
    [InlineData("Auto", LockMode.Auto)]
    [InlineData("locked", LockMode.Locked)]
    [InlineData(" UPDATE ", LockMode.Update)]
    [InlineData("", LockMode.Auto)]
    public void Documented_modes_are_read(string text, LockMode expected)
    {
        LockSettings.TryParseMode(text, out var mode).ShouldBeTrue();
        mode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("Auto, Locked")]
    [InlineData("Lock")]
    public void Anything_else_is_rejected(string text) =>
        LockSettings.TryParseMode(text, out _).ShouldBeFalse();
}
