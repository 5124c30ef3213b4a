using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Wheels;

/// <summary>
/// A distribution's <c>entry_points.txt</c>: INI sections (entry point groups) of <c>name = value</c> lines. Names are
/// case-sensitive; <c>#</c> and <c>;</c> start comment lines. Values in <c>console_scripts</c> and <c>gui_scripts</c>
/// must be <c>module:attribute [extras]</c> references, because installers generate launchers from them.
/// </summary>
public sealed class EntryPoints
{
    /// <summary>The group of command-line launchers.</summary>
    public const string ConsoleScriptsGroup = "console_scripts";

    /// <summary>The group of GUI launchers (no console window on Windows).</summary>
    public const string GuiScriptsGroup = "gui_scripts";

    private EntryPoints(IReadOnlyList<EntryPoint> all) => All = all;

    /// <summary>No entry points (a distribution without <c>entry_points.txt</c>).</summary>
    public static EntryPoints Empty { get; } = new([]);

    /// <summary>Every entry point in file order.</summary>
    public IReadOnlyList<EntryPoint> All { get; }

    /// <summary>The group names in file order.</summary>
    public IReadOnlyList<string> Groups => All.Select(e => e.Group).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The <c>console_scripts</c> entry points in file order.</summary>
    public IReadOnlyList<EntryPoint> ConsoleScripts => InGroup(ConsoleScriptsGroup);

    /// <summary>The <c>gui_scripts</c> entry points in file order.</summary>
    public IReadOnlyList<EntryPoint> GuiScripts => InGroup(GuiScriptsGroup);

    /// <summary>The entry points of <paramref name="group"/> (exact name) in file order.</summary>
    public IReadOnlyList<EntryPoint> InGroup(string group) =>
        All.Where(e => string.Equals(e.Group, group, StringComparison.Ordinal)).ToArray();

    /// <summary>Parses the text of an <c>entry_points.txt</c> file.</summary>
    /// <exception cref="PackagingFormatException">A line is neither a section header, a comment nor
    /// <c>name = value</c>; an entry comes before any section; a name repeats within a section; or a script entry
    /// point is not a <c>module:attribute</c> reference.</exception>
    public static EntryPoints Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<EntryPoint>();
        var seen = new HashSet<(string Group, string Name)>();
        string? group = null;
        var offset = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var lineOffset = offset;
            offset += rawLine.Length + 1;
            var line = rawLine.Trim();
            var start = lineOffset + rawLine.IndexOf(line, StringComparison.Ordinal);
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length == 2)
                {
                    throw TextLocation.Error("Invalid entry_points.txt: malformed section header", text, start, line.Length);
                }

                group = line[1..^1].Trim();
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw TextLocation.Error("Invalid entry_points.txt: expected 'name = value'", text, start, line.Length);
            }

            if (group is null)
            {
                throw TextLocation.Error("Invalid entry_points.txt: entry point before the first [section]", text, start, line.Length);
            }

            var entry = new EntryPoint(group, line[..equals].Trim(), line[(equals + 1)..].Trim());
            if (!seen.Add((entry.Group, entry.Name)))
            {
                throw TextLocation.Error($"Invalid entry_points.txt: '{entry.Name}' is defined twice in [{group}]", text, start, line.Length);
            }

            if (IsScriptGroup(group) && entry.Target?.Attribute is null)
            {
                throw TextLocation.Error(
                    $"Invalid entry_points.txt: script '{entry.Name}' in [{group}] must be 'module:attribute', not '{entry.Value}'",
                    text,
                    start,
                    line.Length);
            }

            entries.Add(entry);
        }

        return new EntryPoints(entries);
    }

    /// <summary>Parses the UTF-8 bytes of an <c>entry_points.txt</c> file.</summary>
    /// <exception cref="PackagingFormatException">The bytes are not UTF-8 or not a valid entry_points.txt.</exception>
    public static EntryPoints Parse(ReadOnlySpan<byte> utf8) => Parse(Utf8Text.Decode(utf8, "entry_points.txt"));

    /// <summary>Reads and parses an <c>entry_points.txt</c> file from <paramref name="stream"/> (UTF-8).</summary>
    /// <exception cref="PackagingFormatException">The content is not UTF-8 or not a valid entry_points.txt.</exception>
    public static async Task<EntryPoints> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        Parse(await Utf8Text.ReadAsync(stream, "entry_points.txt", cancellationToken).ConfigureAwait(false));

    private static bool IsScriptGroup(string group) =>
        group is ConsoleScriptsGroup or GuiScriptsGroup;
}
