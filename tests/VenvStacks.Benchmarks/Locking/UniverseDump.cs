using System.Text;

namespace VenvStacks.Benchmarks.Locking;

/// <summary>A readable listing of a <see cref="SyntheticUniverse"/>, for checking what the generator made.</summary>
internal static class UniverseDump
{
    public static string Render(SyntheticUniverse universe)
    {
        var text = new StringBuilder();
        text.Append("# seed ").Append(universe.Seed).Append('\n');
        text.Append("# runtime:   ").Append(string.Join(", ", universe.RuntimeRequirements)).Append('\n');
        text.Append("# framework: ").Append(string.Join(", ", universe.FrameworkRequirements)).Append('\n');
        text.Append("# app:       ").Append(string.Join(", ", universe.ApplicationRequirements)).Append('\n');
        foreach (var project in universe.Projects)
        {
            text.Append('\n').Append(project.Name).Append(" (").Append(project.Kind).Append(")\n");
            foreach (var release in project.Releases)
            {
                text.Append("  ").Append(release.Version);
                if (release.Yanked)
                {
                    text.Append(" [yanked]");
                }

                text.Append(" python").Append(release.RequiresPython).Append(", ").Append(release.Tags.Count).Append(" wheels");
                if (release.Requires.Count > 0)
                {
                    text.Append(": ").Append(string.Join(" | ", release.Requires));
                }

                foreach (var (extra, requirements) in release.Extras)
                {
                    text.Append(" [").Append(extra).Append(": ").Append(string.Join(" | ", requirements)).Append(']');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
