using VenvStacks.Core.Diagnostics;

namespace VenvStacks.Core.Specs;

/// <summary>An unpackaged module or package an application ships (its launch module or a support module).</summary>
/// <param name="DeclaredPath">The path as written in the spec.</param>
/// <param name="FullPath">The path resolved against the spec folder (lexically; symlinks are not resolved).</param>
/// <param name="ModuleName">The import name: the file stem or the folder name.</param>
/// <param name="Location">Where the path was written.</param>
public sealed record ModuleSource(string DeclaredPath, string FullPath, string ModuleName, SourceLocation Location);
