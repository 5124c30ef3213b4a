using System.Diagnostics;
using VenvStacks.TestSupport.IndexServer;

namespace VenvStacks.Core.Tests.Archives;

/// <summary>The machine's own archivers and Python, used as independent oracles for what this project writes.</summary>
internal static class ExternalTools
{
    public static string? Python { get; } = PipRunner.Find()?.Python;

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs a program to completion; its standard output is written to <paramref name="standardOutput"/> when given.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, string? standardOutput = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONUTF8"] = "1";
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output;
        if (standardOutput is not null)
        {
            await using (var file = File.Create(standardOutput))
            {
                await process.StandardOutput.BaseStream.CopyToAsync(file);
            }

            output = string.Empty;
        }
        else
        {
            output = await process.StandardOutput.ReadToEndAsync();
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, output, await error);
    }
}

/// <summary>A fact that needs programs on PATH (and "python" for the machine's Python); skipped with a message without.</summary>
internal sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => (t == "python" ? ExternalTools.Python : ExternalTools.Find(t)) is null).ToList();
        if (missing.Count > 0)
        {
            Skip = "Not on this machine: " + string.Join(", ", missing) + ".";
        }
    }
}
