namespace VenvStacks.TestSupport.Wheels;

/// <summary>What one native test wheel holds: either a C extension module (possibly linked against a library wheel)
/// or a shared library in <c>{package}/lib/</c>.</summary>
internal sealed record NativeWheelSpec(
    string Project,
    string ImportName,
    string? ModuleName,
    string? LibraryFileName,
    string Source,
    string InitModule,
    string CheckScript,
    NativeWheelSpec? LinkedLibrary,
    string Summary)
{
    public static NativeWheelSpec Extension(
        string project, string importName, string module, string source, string init, string check, NativeWheelSpec? linkedLibrary) =>
        new(project, importName, module, null, source, init, check, linkedLibrary,
            linkedLibrary is null
                ? "A C extension module (VenvStacks.Sdk test wheel)."
                : $"A C extension linked against {linkedLibrary.LibraryFileName} without RPATH (VenvStacks.Sdk test wheel).");

    // The package names the library but never loads it: only consumers in the same or a higher layer do.
    public static NativeWheelSpec Library(string project, string importName, string fileName, string function, int value) =>
        new(project, importName, null, fileName, NativeWheelSources.Library(function, value),
            $"import os\n\nLIBRARY = os.path.join(os.path.dirname(__file__), \"lib\", \"{fileName}\")\n",
            $"import os, {importName}; assert os.path.isfile({importName}.LIBRARY); print('ok')",
            null,
            $"Ships the shared library {fileName} (VenvStacks.Sdk test wheel).");
}
