using System.IO.Compression;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Installation;

/// <summary>One wheel file and where it goes, after every check that does not need its content.</summary>
/// <param name="Entry">The archive entry.</param>
/// <param name="Destination">The full destination path.</param>
/// <param name="IsScript">Whether the file comes from <c>.data/scripts/</c> (its <c>#!python</c> line is rewritten and
/// it is made executable).</param>
/// <param name="Executable">Whether the file gets execute permission.</param>
/// <param name="Row">The wheel RECORD row of the entry.</param>
internal sealed record PlannedFile(ZipArchiveEntry Entry, string Destination, bool IsScript, bool Executable, RecordEntry Row);
