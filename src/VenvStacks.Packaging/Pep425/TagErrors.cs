using System.Globalization;

namespace VenvStacks.Packaging.Pep425;

/// <summary>The parse errors of PEP 425 tags, worded like packaging's <c>InvalidTag</c>/<c>UnsortedTagsError</c>.</summary>
internal static class TagErrors
{
    public static PackagingFormatException EmptyComponent(string input, string component, int position) =>
        new($"Tag {PythonRepr.Of(input)} has an empty component: {PythonRepr.Of(component)}", input, position, 0);

    public static PackagingFormatException Unsorted(string input, string component, int position) =>
        new($"Tag component {PythonRepr.Of(component)} is not in sorted order per PEP 425", input, position, component.Length);

    public static PackagingFormatException WrongComponentCount(string input, int position) =>
        new($"Tag {PythonRepr.Of(input)} must have exactly three components", input, position, input.Length - position);

    public static PackagingFormatException InvalidInterpreter(string input, string interpreter, int position) =>
        new($"Tag {PythonRepr.Of(input)} has an invalid interpreter: {PythonRepr.Of(interpreter)}", input, position, interpreter.Length);

    public static PackagingFormatException TooManyTags(string input) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Compressed tag set {PythonRepr.Of(input)} would generate more than {int.MaxValue} tags"), input, 0, input.Length);

    public static PackagingFormatException NotASingleTag(string input, int count) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Tag {PythonRepr.Of(input)} is a compressed tag set of {count} tags, not a single tag"), input, 0, input.Length);
}
