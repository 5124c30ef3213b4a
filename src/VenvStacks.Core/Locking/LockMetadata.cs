using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VenvStacks.Core.Json;

namespace VenvStacks.Core.Locking;

/// <summary>The contents of <c>pylock.&lt;name&gt;.meta.json</c> (docs/venvstacks-reference.md §2.7, §2.9).</summary>
public sealed record LockMetadata(
    string LockInputHash,
    int LockVersion,
    string LockedAt,
    string OtherInputsHash,
    string RequirementsHash,
    string VersionInputsHash)
{
    /// <summary>When the layer was locked.</summary>
    public DateTimeOffset LockedAtTime => DateTimeOffset.Parse(LockedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>
    /// Reads a metadata file; null when it is missing or not a venvstacks 0.8 metadata document (older formats and
    /// hand-damaged files simply make the lock invalid, as in venvstacks, instead of failing the build).
    /// </summary>
    public static LockMetadata? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
            if (node is null || node.ContainsKey("_legacy_requirements_hash"))
            {
                return null;
            }

            string? Text(string key) => node[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var version = node["lock_version"] is JsonValue lv && lv.TryGetValue<int>(out var n) ? n : 1;
            var lockedAt = Text("locked_at");
            if (lockedAt is null || !DateTimeOffset.TryParse(lockedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                return null;
            }

            return new LockMetadata(
                Text("lock_input_hash") ?? string.Empty,
                version,
                lockedAt,
                Text("other_inputs_hash") ?? string.Empty,
                Text("requirements_hash") ?? string.Empty,
                Text("version_inputs_hash") ?? string.Empty);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The JSON text venvstacks writes: sorted keys, two-space indent, trailing newline.</summary>
    public string ToJson() => PythonJson.SerializeFile(new JsonObject
    {
        ["lock_input_hash"] = LockInputHash,
        ["lock_version"] = LockVersion,
        ["locked_at"] = LockedAt,
        ["other_inputs_hash"] = OtherInputsHash,
        ["requirements_hash"] = RequirementsHash,
        ["version_inputs_hash"] = VersionInputsHash,
    });

    /// <summary>Formats a lock time as venvstacks does (Python's <c>isoformat()</c> of a UTC datetime).</summary>
    public static string FormatTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var microseconds = utc.Ticks % TimeSpan.TicksPerSecond / 10;
        if (microseconds != 0)
        {
            text += "." + microseconds.ToString("D6", CultureInfo.InvariantCulture);
        }

        return text + "+00:00";
    }
}
