using System.Text;
using VenvStacks.Packaging.VenvstacksTargets;

namespace VenvStacks.Core.Environments;

/// <summary>
/// The POSIX <c>bin/python</c> wrapper of a layered environment (docs/venvstacks-reference.md §3.4), in venvstacks'
/// text: it appends each lower layer's dynlib folder (relative to the script, so the layer can move) to
/// <c>LD_LIBRARY_PATH</c> (Linux, bash) or <c>DYLD_LIBRARY_PATH</c> (macOS, zsh), checks that <c>python</c> is a file and
/// <c>python_</c> a link to another file, then runs <c>python_</c> with <c>argv[0]</c> set to the wrapper so that CPython
/// finds the environment's <c>pyvenv.cfg</c>.
/// </summary>
public static class PythonWrapperScript
{
    /// <summary>The name of the link to the base runtime's Python next to the wrapper.</summary>
    public const string BypassLinkName = "python_";

    /// <summary>The wrapper's own name.</summary>
    public const string ScriptName = "python";

    /// <summary>The script text (LF line endings, trailing newline).</summary>
    /// <param name="operatingSystem">Linux or macOS.</param>
    /// <param name="dynlibDirectories">The lower layers' dynlib folders relative to the script's folder, '/'-separated, priority order.</param>
    /// <exception cref="ArgumentException">Windows was given (Windows layers have no wrapper) or no folder was given.</exception>
    public static string Generate(TargetOperatingSystem operatingSystem, IReadOnlyList<string> dynlibDirectories)
    {
        ArgumentNullException.ThrowIfNull(dynlibDirectories);
        if (operatingSystem == TargetOperatingSystem.Windows)
        {
            throw new ArgumentException("Windows layers have no python wrapper script", nameof(operatingSystem));
        }

        if (dynlibDirectories.Count == 0)
        {
            throw new ArgumentException("The wrapper needs at least one dynlib folder (the runtime's)", nameof(dynlibDirectories));
        }

        // "exec -a" is not in every /bin/sh (dash lacks it), hence the explicit shells.
        var (shell, variable) = operatingSystem == TargetOperatingSystem.MacOS
            ? ("/bin/zsh", "DYLD_LIBRARY_PATH")
            : ("/usr/bin/bash", "LD_LIBRARY_PATH");
        var lines = new List<string>
        {
            "#!" + shell,
            "# Allow extension modules to find shared libraries published by lower layers",
            "set -eu",
            "# Note: `readlink -f` (long available in GNU coreutils) is available on macOS 12.3 and later",
            "script_dir=\"$(cd \"$(dirname \"$(readlink -f \"$0\")\")\" 1> /dev/null 2>&1 && pwd)\"",
            // Appending rather than prepending lets a user's own setting take precedence.
            $"add_dynlib_dir() {{ case \":${{{variable}:=$1}}:\" in *:\"$1\":*) ;; *) {variable}=\"${variable}:$1\" ;; esac; }}",
        };
        lines.AddRange(dynlibDirectories.Select(d => $"add_dynlib_dir \"$script_dir/{QuoteInDoubleQuotes(d)}\""));
        lines.Add("export " + variable);
        lines.Add($"script_path=\"$script_dir/{ScriptName}\"");
        lines.Add($"symlink_path=\"$script_dir/{BypassLinkName}\"");
        lines.Add("test -f \"$script_path\" || { echo 1>&2 \"Invalid wrapper script path: $script_path\"; exit 1; }");
        lines.Add("test -L \"$symlink_path\" || { echo 1>&2 \"Invalid base Python symlink: $symlink_path\"; exit 2; }");
        lines.Add("test \"$symlink_path\" -ef \"$script_path\" && { echo 1>&2 \"Symlink loop detected: $symlink_path -> $script_path\"; exit 3; }");
        lines.Add("exec -a \"$script_path\" \"$symlink_path\" \"$@\"");
        lines.Add(string.Empty);
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Escapes what the shell would expand inside double quotes. venvstacks applies <c>shlex.quote</c> here instead,
    /// whose single quotes stay literal inside double quotes; names of ordinary characters come out the same either way.
    /// </summary>
    private static string QuoteInDoubleQuotes(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '$' or '`' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
