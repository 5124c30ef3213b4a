using System.Text;

namespace VenvStacks.Packaging.Installation;

/// <summary>The first lines that replace <c>#!python</c> and <c>#!pythonw</c> in installed scripts, as UTF-8 with a
/// <c>\n</c> terminator.</summary>
internal sealed class ScriptShebangs(string console, string gui)
{
    private readonly byte[] _console = Encoding.UTF8.GetBytes(console + "\n");
    private readonly byte[] _gui = Encoding.UTF8.GetBytes(gui + "\n");

    /// <summary>The line for a <c>#!pythonw</c> (GUI) script when <paramref name="gui"/> is true, else for a console script.</summary>
    public byte[] LineFor(bool gui) => gui ? _gui : _console;
}
