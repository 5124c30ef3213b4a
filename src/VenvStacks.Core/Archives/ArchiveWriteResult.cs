using System.Collections.Immutable;
using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Archives;

/// <summary>A written archive.</summary>
/// <param name="Path">The archive file.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256 digest, lower-case hex.</param>
/// <param name="Entries">How many entries it holds.</param>
/// <param name="Warnings">Warnings such as special files left out (VSTK4011).</param>
public sealed record ArchiveWriteResult(string Path, long Size, string Sha256, long Entries, ImmutableArray<Diagnostic> Warnings);
