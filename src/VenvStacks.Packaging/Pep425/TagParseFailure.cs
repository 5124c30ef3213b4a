namespace VenvStacks.Packaging.Pep425;

/// <summary>What went wrong while parsing a (compressed) tag set, and where in the source string.</summary>
internal readonly record struct TagParseFailure(TagParseError Error, int Position, int Length, string Fragment);

/// <summary>The kinds of tag-set parse failure packaging distinguishes.</summary>
internal enum TagParseError
{
    None,
    EmptyComponent,
    Unsorted,
    WrongComponentCount,
    InvalidInterpreter,
    TooManyTags,
}
