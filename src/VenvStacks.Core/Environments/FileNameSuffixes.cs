namespace VenvStacks.Core.Environments;

/// <summary>Python's <c>PurePath.suffix</c> and <c>PurePath.suffixes</c> of a file name.</summary>
internal static class FileNameSuffixes
{
    /// <summary>The last suffix (<c>".so"</c> for <c>libx.so</c>), empty for names without one or ending in a dot.</summary>
    public static string Last(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 && dot < name.Length - 1 ? name[dot..] : string.Empty;
    }

    /// <summary>Every suffix in order (<c>[".cpython-311-x86_64-linux-gnu", ".so"]</c>); leading dots do not start one.</summary>
    public static IReadOnlyList<string> Split(string name)
    {
        if (name.EndsWith('.'))
        {
            return [];
        }

        return name.TrimStart('.').Split('.').Skip(1).Select(s => "." + s).ToArray();
    }
}
