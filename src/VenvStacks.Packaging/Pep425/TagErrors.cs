using System.Globalization;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep425;

/// <summary>The parse errors of PEP 425 tags, worded like packaging's <c>InvalidTag</c>/<c>UnsortedTagsError</c>.</summary>
internal static class TagErrors
{
    public static PackagingFormatException EmptyComponent(string input, string component, int position) =>
        new($"Tag {PythonText.Repr(input)} has an empty component: {PythonText.Repr(component)}", input, position, 0);

    public static PackagingFormatException Unsorted(string input, string component, int position) =>
        new($"Tag component {PythonText.Repr(component)} is not in sorted order per PEP 425", input, position, component.Length);

    public static PackagingFormatException WrongComponentCount(string input, int position) =>
        new($"Tag {PythonText.Repr(input)} must have exactly three components", input, position, input.Length - position);

    public static PackagingFormatException InvalidInterpreter(string input, string interpreter, int position) =>
        new($"Tag {PythonText.Repr(input)} has an invalid interpreter: {PythonText.Repr(interpreter)}", input, position, interpreter.Length);

    public static PackagingFormatException TooManyTags(string input) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Compressed tag set {PythonText.Repr(input)} would generate more than {int.MaxValue} tags"), input, 0, input.Length);

    public static PackagingFormatException NotASingleTag(string input, int count) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Tag {PythonText.Repr(input)} is a compressed tag set of {count} tags, not a single tag"), input, 0, input.Length);
}
