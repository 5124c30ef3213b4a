using System.Text;
using VenvStacks.Packaging.Pep440;

namespace VenvStacks.Packaging.Pep751;

/// <summary>
/// A PEP 751 lock file (<c>pylock.toml</c> / <c>pylock.&lt;name&gt;.toml</c>) as uv exports it and venvstacks
/// post-processes it, including the comment block at the top.
/// </summary>
/// <remarks>
/// <para><see cref="Parse"/> accepts any valid TOML with the PEP 751 keys, in table or inline form. Keys this model does
/// not know are kept in the <c>Unknown</c> bags and <c>[tool]</c> tables in <c>Tool</c>, so nothing read is lost.
/// Their values are <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/> (offset date-time), <see cref="DateTime"/> (local date-time), <see cref="DateOnly"/>,
/// <see cref="TimeOnly"/>, <see cref="IReadOnlyList{T}"/> of values or <see cref="IReadOnlyDictionary{TKey,TValue}"/>
/// of string to value.</para>
/// <para><see cref="ToToml"/> is deterministic and writes what venvstacks writes after its tomlkit round trip: the
/// header comments, then keys in uv's order with plain values first, arrays of tables as <c>[[...]]</c> sections and
/// tables as <c>[...]</c> sections (never inline), a blank line before each section that follows content, bare TOML
/// date-times and LF line endings.</para>
/// </remarks>
public sealed record PyLock
{
    /// <summary>The lock format version this library writes.</summary>
    public const string CurrentLockVersion = "1.0";

    /// <summary>The comment lines at the very top of the file, without their leading <c>#</c> (venvstacks writes three:
    /// <c>" Locked requirements for &lt;layer&gt; (DO NOT EDIT)"</c>, ...).</summary>
    public IReadOnlyList<string> HeaderComments { get; init => field = ValueList.From(value); } = ValueList<string>.Empty;

    /// <summary>The <c>lock-version</c>; this library reads major version 1.</summary>
    public string LockVersion { get; init; } = CurrentLockVersion;

    /// <summary>The <c>created-by</c> tool name, e.g. <c>uv</c>. Required.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The <c>environments</c> markers the lock is valid for, as written; null when absent.</summary>
    public IReadOnlyList<string>? Environments { get; init => field = ValueList.FromNullable(value); }

    /// <summary>The <c>requires-python</c> specifier set, as written.</summary>
    public string? RequiresPython { get; init; }

    /// <summary>The <c>extras</c> the lock covers; null when absent.</summary>
    public IReadOnlyList<string>? Extras { get; init => field = ValueList.FromNullable(value); }

    /// <summary>The <c>dependency-groups</c> the lock covers; null when absent.</summary>
    public IReadOnlyList<string>? DependencyGroups { get; init => field = ValueList.FromNullable(value); }

    /// <summary>The <c>default-groups</c>; null when absent.</summary>
    public IReadOnlyList<string>? DefaultGroups { get; init => field = ValueList.FromNullable(value); }

    /// <summary>The locked packages in file order.</summary>
    public IReadOnlyList<PyLockPackage> Packages { get; init => field = ValueList.From(value); } = ValueList<PyLockPackage>.Empty;

    /// <summary>The top-level <c>[tool]</c> table, as read.</summary>
    public IReadOnlyDictionary<string, object>? Tool { get; init => field = TomlData.FreezeNullableTable(value); }

    /// <summary>Top-level keys this model does not know, kept as read.</summary>
    public IReadOnlyDictionary<string, object> Unknown { get; init => field = TomlData.FreezeTable(value); } = ValueMap<object>.Empty;

    /// <summary>Parses <see cref="RequiresPython"/> as a specifier set; null when there is none.</summary>
    /// <exception cref="PackagingFormatException">The specifiers are not valid (only possible for a model built in code:
    /// <see cref="Parse"/> validates them).</exception>
    public SpecifierSet? ParseRequiresPython() => RequiresPython is null ? null : SpecifierSet.Parse(RequiresPython);

    /// <summary>Parses pylock.toml text.</summary>
    /// <exception cref="PackagingFormatException">The text is not valid TOML, a PEP 751 key has the wrong type, a
    /// required key is missing, a version, marker or <c>requires-python</c> does not parse, or the lock version is not
    /// 1.x. The position is that of the offending key.</exception>
    public static PyLock Parse(string text) => PyLockReader.Read(text);

    /// <summary>Reads and parses a pylock.toml file (UTF-8).</summary>
    /// <exception cref="PackagingFormatException">The file is not a valid lock (see <see cref="Parse"/>).</exception>
    public static async Task<PyLock> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false));

    /// <summary>The file content: header comments, then the TOML document, LF line endings.</summary>
    /// <exception cref="InvalidOperationException">A required value (<see cref="CreatedBy"/>, a package name, a VCS type
    /// or commit, a directory path) is null or empty, a header comment contains a line break, or an <c>Unknown</c> bag
    /// repeats a key the model writes itself.</exception>
    public string ToToml() => PyLockWriter.Write(this);

    /// <summary>Writes <see cref="ToToml"/> to <paramref name="path"/> as UTF-8 without a byte order mark.</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default) =>
        File.WriteAllTextAsync(path, ToToml(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
}
