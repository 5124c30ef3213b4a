using System.Text;
using VenvStacks.Packaging.Pep440;
using VenvStacks.Packaging.Text;

namespace VenvStacks.Packaging.Pep508;

/// <summary>
/// The recursive-descent parser of PEP 508 dependency specifiers and marker expressions. It follows
/// pypa/packaging's grammar and tokens (the same greedy matches, the same context-sensitive checks) so that the
/// same inputs are accepted, and it raises the same messages at the same spans.
/// </summary>
internal sealed class DependencyParser
{
    private static readonly string[] VariableSpellings =
    [
        "python_version", "python_full_version", "os_name", "os.name", "sys_platform", "sys.platform",
        "platform_release", "platform_system", "platform_version", "platform.version", "platform_machine",
        "platform.machine", "platform_python_implementation", "platform.python_implementation",
        "python_implementation", "implementation_name", "implementation_version", "extras", "extra",
        "dependency_groups",
    ];

    private readonly string _text;
    private int _position;
    private int _markerDepth;

    private DependencyParser(string text) => _text = text;

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private bool AtEnd => _position >= _text.Length;

    /// <summary>A complete marker expression.</summary>
    public static MarkerGroup ParseMarker(string text)
    {
        var parser = new DependencyParser(text);
        var marker = parser.ParseMarkerExpression();
        if (!parser.AtEnd)
        {
            throw parser.Error("Expected end of marker expression");
        }

        return marker;
    }

    /// <summary>A complete dependency specifier.</summary>
    public static Requirement ParseRequirement(string text)
    {
        var parser = new DependencyParser(text);
        return parser.ParseRequirement();
    }

    private Requirement ParseRequirement()
    {
        ConsumeWhiteSpace();
        var nameEnd = MatchIdentifier();
        if (nameEnd < 0)
        {
            throw Error("Expected package name at the start of dependency specifier");
        }

        var name = _text[_position..nameEnd];
        _position = nameEnd;
        ConsumeWhiteSpace();
        var extras = ParseExtras();
        ConsumeWhiteSpace();

        string? url = null;
        SpecifierText? specifierText = null;
        MarkerGroup? marker = null;
        if (Current == '@')
        {
            _position++;
            ConsumeWhiteSpace();
            var urlStart = _position;
            var urlEnd = MatchUrl();
            if (urlEnd < 0)
            {
                throw Error("Expected URL after @");
            }

            url = _text[urlStart..urlEnd];
            _position = urlEnd;
            if (!AtEnd)
            {
                if (MatchWhiteSpace() < 0)
                {
                    throw Error("Expected whitespace after URL");
                }

                ConsumeWhiteSpace();
                if (!AtEnd)
                {
                    marker = ParseRequirementMarker(urlStart, "semicolon (after URL and whitespace)");
                }
            }
        }
        else
        {
            var specifierStart = _position;
            specifierText = ParseSpecifier();
            ConsumeWhiteSpace();
            if (!AtEnd)
            {
                marker = ParseRequirementMarker(
                    specifierStart,
                    specifierText is not null
                        ? "comma (within version specifier), semicolon (after version specifier)"
                        : "semicolon (after name with no version specifier)");
            }
        }

        if (!AtEnd)
        {
            throw Error("Expected end of dependency specifier");
        }

        // Like packaging, the specifier set is built only once the whole grammar has matched.
        var specifiers = specifierText is null ? SpecifierSet.Empty : specifierText.ToSpecifierSet(_text);
        return new Requirement(name, extras, specifiers, url, marker is null ? null : new Marker(marker));
    }

    /// <summary>The specifier tokens and commas joined without whitespace, with each character's index in the input.</summary>
    private sealed record SpecifierText(string Text, List<int> Offsets, int End)
    {
        public SpecifierSet ToSpecifierSet(string input)
        {
            try
            {
                return SpecifierSet.Parse(Text);
            }
            catch (PackagingFormatException exception)
            {
                var start = Offsets[Math.Min(exception.Position, Offsets.Count - 1)];
                throw new PackagingFormatException(exception.Message, input, start, End - start, exception);
            }
        }
    }

    private MarkerGroup ParseRequirementMarker(int spanStart, string expected)
    {
        if (Current != ';')
        {
            throw Error($"Expected {expected} or end", spanStart, _position);
        }

        _position++;
        var marker = ParseMarkerExpression();
        ConsumeWhiteSpace();
        return marker;
    }

    private string[] ParseExtras()
    {
        if (Current != '[')
        {
            return [];
        }

        var extras = new List<string>();

        var open = _position;
        _position++;
        ConsumeWhiteSpace();
        var end = MatchIdentifier();
        if (end >= 0)
        {
            extras.Add(_text[_position..end]);
            _position = end;
            while (true)
            {
                ConsumeWhiteSpace();
                if (MatchIdentifier() >= 0)
                {
                    throw Error("Expected comma between extra names");
                }

                if (Current != ',')
                {
                    break;
                }

                _position++;
                ConsumeWhiteSpace();
                end = MatchIdentifier();
                if (end < 0)
                {
                    throw Error("Expected extra name after comma");
                }

                extras.Add(_text[_position..end]);
                _position = end;
            }
        }

        ConsumeWhiteSpace();
        if (Current != ']')
        {
            throw Error("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open, _position);
        }

        _position++;
        return [.. extras];
    }

    private SpecifierText? ParseSpecifier()
    {
        var open = -1;
        if (Current == '(')
        {
            open = _position;
            _position++;
        }

        ConsumeWhiteSpace();

        // The specifier tokens and commas are concatenated without whitespace and then split again by the
        // specifier-set parser, as packaging does; the offsets map errors back to the input.
        StringBuilder? joined = null;
        List<int>? offsets = null;
        while (true)
        {
            var tokenStart = _position;
            var tokenEnd = SpecifierGrammar.Match(_text, _position, out var op);
            if (tokenEnd < 0)
            {
                break;
            }

            joined ??= new StringBuilder();
            offsets ??= [];

            Append(joined, offsets, tokenStart, tokenEnd);
            _position = tokenEnd;
            if (_position + 1 < _text.Length && _text[_position] == '.' && _text[_position + 1] == '*')
            {
                var message = op is SpecifierOperator.Equal or SpecifierOperator.NotEqual
                    ? ".* suffix cannot be used with pre-release, post-release, dev or local versions"
                    : ".* suffix can only be used with `==` or `!=` operators";
                throw Error(message, tokenStart, _position + 1);
            }

            if (SpecifierGrammar.MatchLocal(_text, _position, ignoreCase: false) > _position)
            {
                throw Error("Local version label can only be used with `==` or `!=` operators", tokenStart, _position);
            }

            ConsumeWhiteSpace();
            if (Current != ',')
            {
                break;
            }

            Append(joined!, offsets!, _position, _position + 1);
            _position++;
            ConsumeWhiteSpace();
        }

        ConsumeWhiteSpace();
        if (open >= 0)
        {
            if (Current != ')')
            {
                throw Error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier", open, _position);
            }

            _position++;
        }

        return joined is { Length: > 0 } ? new SpecifierText(joined.ToString(), offsets!, _position) : null;
    }

    private void Append(StringBuilder joined, List<int> offsets, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            offsets.Add(i);
        }

        joined.Append(_text, start, end - start);
    }

    private MarkerGroup ParseMarkerExpression()
    {
        var items = new List<MarkerNode> { ParseMarkerAtom() };
        var isOrBefore = new List<bool> { false };
        while (MatchBooleanOperator(out var isOr) is var end && end >= 0)
        {
            _position = end;
            isOrBefore.Add(isOr);
            items.Add(ParseMarkerAtom());
        }

        return new MarkerGroup([.. items], [.. isOrBefore]);
    }

    private MarkerNode ParseMarkerAtom()
    {
        ConsumeWhiteSpace();
        MarkerNode node;
        if (Current == '(')
        {
            // Each group is two frames of recursion: a bound keeps hostile input from overflowing the stack.
            if (_markerDepth == Marker.MaxNestingDepth)
            {
                throw Error($"Marker expression nested more than {Marker.MaxNestingDepth} parentheses deep", _position, _position + 1);
            }

            var open = _position;
            _position++;
            _markerDepth++;
            ConsumeWhiteSpace();
            node = ParseMarkerExpression();
            ConsumeWhiteSpace();
            if (Current != ')')
            {
                throw Error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression", open, _position);
            }

            _position++;
            _markerDepth--;
        }
        else
        {
            node = ParseMarkerItem();
        }

        ConsumeWhiteSpace();
        return node;
    }

    private MarkerComparison ParseMarkerItem()
    {
        ConsumeWhiteSpace();
        var left = ParseMarkerOperand();
        ConsumeWhiteSpace();
        var op = ParseMarkerOperator();
        ConsumeWhiteSpace();
        var right = ParseMarkerOperand();
        ConsumeWhiteSpace();
        return MarkerComparison.CreateNormalized(left, op, right);
    }

    private MarkerOperand ParseMarkerOperand()
    {
        var variableEnd = MatchVariable(out var variable);
        if (variableEnd >= 0)
        {
            _position = variableEnd;
            return new MarkerOperand(IsVariable: true, variable);
        }

        var quote = Current;
        if (quote is '\'' or '"')
        {
            var close = _text.IndexOf(quote, _position + 1);
            if (close >= 0)
            {
                var tokenStart = _position;
                var value = PythonStringLiteral.TryDecode(_text, tokenStart + 1, close);
                if (value is null)
                {
                    throw Error("Invalid quoted string", tokenStart, close + 1);
                }

                _position = close + 1;
                return new MarkerOperand(IsVariable: false, value);
            }
        }

        throw Error("Expected a marker variable or quoted string");
    }

    private MarkerOperator ParseMarkerOperator()
    {
        if (MatchKeyword("in") is var inEnd && inEnd >= 0)
        {
            _position = inEnd;
            return MarkerOperator.In;
        }

        if (MatchKeyword("not") is var notEnd && notEnd >= 0)
        {
            _position = notEnd;
            if (MatchWhiteSpace() < 0)
            {
                throw Error("Expected whitespace after 'not'");
            }

            ConsumeWhiteSpace();
            var end = MatchKeyword("in");
            if (end < 0)
            {
                throw Error("Expected 'in' after 'not'");
            }

            _position = end;
            return MarkerOperator.NotIn;
        }

        var rest = _text.AsSpan(_position);
        (MarkerOperator Operator, int Length)? match = rest switch
        {
            _ when rest.StartsWith("===", StringComparison.Ordinal) => (MarkerOperator.ArbitraryEqual, 3),
            _ when rest.StartsWith("==", StringComparison.Ordinal) => (MarkerOperator.Equal, 2),
            _ when rest.StartsWith("~=", StringComparison.Ordinal) => (MarkerOperator.Compatible, 2),
            _ when rest.StartsWith("!=", StringComparison.Ordinal) => (MarkerOperator.NotEqual, 2),
            _ when rest.StartsWith("<=", StringComparison.Ordinal) => (MarkerOperator.LessThanOrEqual, 2),
            _ when rest.StartsWith(">=", StringComparison.Ordinal) => (MarkerOperator.GreaterThanOrEqual, 2),
            _ when rest.StartsWith("<", StringComparison.Ordinal) => (MarkerOperator.LessThan, 1),
            _ when rest.StartsWith(">", StringComparison.Ordinal) => (MarkerOperator.GreaterThan, 1),
            _ => null,
        };
        if (match is null)
        {
            throw Error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
        }

        _position += match.Value.Length;
        return match.Value.Operator;
    }

    /// <summary><c>\b(or|and)\b</c>.</summary>
    private int MatchBooleanOperator(out bool isOr)
    {
        isOr = true;
        var end = MatchKeyword("or");
        if (end >= 0)
        {
            return end;
        }

        isOr = false;
        return MatchKeyword("and");
    }

    /// <summary>A word between <c>\b</c> assertions (case-sensitive).</summary>
    private int MatchKeyword(string word)
    {
        if (!_text.AsSpan(_position).StartsWith(word, StringComparison.Ordinal) || !PythonText.IsWordBoundary(_text, _position))
        {
            return -1;
        }

        var end = _position + word.Length;
        return PythonText.IsWordBoundary(_text, end) ? end : -1;
    }

    /// <summary>One of the marker variable spellings between <c>\b</c> assertions; reports the canonical name.</summary>
    private int MatchVariable(out string name)
    {
        name = string.Empty;
        if (!PythonText.IsWordBoundary(_text, _position))
        {
            return -1;
        }

        var rest = _text.AsSpan(_position);
        foreach (var spelling in VariableSpellings)
        {
            if (rest.StartsWith(spelling, StringComparison.Ordinal) && PythonText.IsWordBoundary(_text, _position + spelling.Length))
            {
                name = spelling.Replace('.', '_');
                if (name == "python_implementation")
                {
                    name = "platform_python_implementation";
                }

                return _position + spelling.Length;
            }
        }

        return -1;
    }

    /// <summary><c>\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b</c>, backing off to the last word boundary.</summary>
    private int MatchIdentifier()
    {
        if (AtEnd || !char.IsAsciiLetterOrDigit(Current) || !PythonText.IsWordBoundary(_text, _position))
        {
            return -1;
        }

        var end = _position + 1;
        while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] is '.' or '_' or '-'))
        {
            end++;
        }

        for (; end > _position; end--)
        {
            if (PythonText.IsWordBoundary(_text, end))
            {
                return end;
            }
        }

        return -1;
    }

    /// <summary><c>[^ \t]+</c>.</summary>
    private int MatchUrl()
    {
        var end = _position;
        while (end < _text.Length && _text[end] is not (' ' or '\t'))
        {
            end++;
        }

        return end > _position ? end : -1;
    }

    /// <summary><c>[ \t]+</c>.</summary>
    private int MatchWhiteSpace()
    {
        var end = _position;
        while (end < _text.Length && _text[end] is ' ' or '\t')
        {
            end++;
        }

        return end > _position ? end : -1;
    }

    private void ConsumeWhiteSpace()
    {
        var end = MatchWhiteSpace();
        if (end >= 0)
        {
            _position = end;
        }
    }

    private PackagingFormatException Error(string message) => Error(message, _position, _position);

    private PackagingFormatException Error(string message, int start, int end) => new(message, _text, start, end - start);
}
