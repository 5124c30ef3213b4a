using System.Text;
using VenvStacks.Packaging.Pep508;

namespace VenvStacks.Packaging.Resolution;

/// <summary>How explanations print requirements: the marker held on the target, so it is left out.</summary>
internal static class RequirementText
{
    public static string WithoutMarker(Requirement requirement)
    {
        var builder = new StringBuilder(requirement.Name);
        if (requirement.Extras.Length > 0)
        {
            builder.Append('[').AppendJoin(',', requirement.Extras).Append(']');
        }

        builder.Append(requirement.Specifier.ToString());
        return builder.ToString();
    }
}
