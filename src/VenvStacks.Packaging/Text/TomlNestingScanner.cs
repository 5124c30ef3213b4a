namespace VenvStacks.Packaging.Text;

/// <summary>
/// The nesting count of <see cref="TomlTextGuard"/>: one pass over the text, with the containers of the value being
/// read on an explicit stack, so that no input can make it recurse. It also stops at escapes Tomlyn cannot describe.
/// </summary>
internal sealed class TomlNestingScanner(string text)
{
    private readonly Stack<(bool IsTable, int Depth)> _open = new();
    private int _position;
    private TomlTextProblem? _problem;

    private bool AtEnd => _position >= text.Length;

    private char Current => text[_position];

    public TomlTextProblem? Run()
    {
        var tableDepth = 0;
        while (_problem is null)
        {
            SkipBlankLinesAndComments();
            if (AtEnd)
            {
                break;
            }

            if (Current == '[')
            {
                tableDepth = ReadHeader();
            }
            else
            {
                ReadKeyValue(tableDepth);
            }

            ReadRestOfLine(tableDepth);
        }

        return _problem;
    }

    private static TomlTextProblem TooDeep(int offset) => new(
        offset,
        $"the document is nested more than {TomlTextGuard.MaxDepth} levels deep (each table-header or dotted-key segment, array and inline table is one level)");

    /// <summary>
    /// Whatever follows a header or a key/value on its line: nothing but a comment in valid TOML, but the parser
    /// recovers from errors and goes on reading values there, so brackets and braces in it must be counted too.
    /// </summary>
    private void ReadRestOfLine(int baseDepth)
    {
        while (_problem is null)
        {
            SkipSpaces();
            if (AtEnd || Current is '\n' or '\r')
            {
                return;
            }

            if (Current == '#')
            {
                SkipRestOfLine();
                return;
            }

            var before = _position;
            ReadValue(baseDepth);
            if (_position == before)
            {
                _position++;
            }
        }
    }

    /// <summary>Reads <c>[a.b]</c> or <c>[[a.b]]</c> and returns the depth of the table it opens.</summary>
    private int ReadHeader()
    {
        var isArray = _position + 1 < text.Length && text[_position + 1] == '[';
        _position += isArray ? 2 : 1;
        var (segments, lastSegment) = ReadKey(baseDepth: 0, everySegmentIsATable: true);
        var depth = segments + (isArray ? 1 : 0);
        if (_problem is null && depth > TomlTextGuard.MaxDepth)
        {
            _problem = TooDeep(lastSegment);
        }

        return depth;
    }

    private void ReadKeyValue(int tableDepth)
    {
        var (segments, _) = ReadKey(tableDepth, everySegmentIsATable: false);
        SkipSpaces();
        if (segments == 0 || _problem is not null || AtEnd || Current != '=')
        {
            return;
        }

        _position++;
        ReadValue(tableDepth + segments - 1);
    }

    /// <summary>
    /// Reads a dotted key and returns its segment count and where its last segment starts. Segments that open a
    /// table (all of a header's, all but the last of a key's) are checked against the limit as they are read.
    /// </summary>
    private (int Segments, int LastSegment) ReadKey(int baseDepth, bool everySegmentIsATable)
    {
        var segments = 0;
        var lastSegment = _position;
        while (true)
        {
            SkipSpaces();
            var start = _position;
            if (!SkipKeySegment())
            {
                return (segments, lastSegment);
            }

            segments++;
            lastSegment = start;
            SkipSpaces();
            var another = !AtEnd && Current == '.';
            if ((everySegmentIsATable || another) && baseDepth + segments > TomlTextGuard.MaxDepth)
            {
                _problem ??= TooDeep(start);
                return (segments, lastSegment);
            }

            if (!another)
            {
                return (segments, lastSegment);
            }

            _position++;
        }
    }

    private bool SkipKeySegment()
    {
        if (AtEnd)
        {
            return false;
        }

        if (Current is '"' or '\'')
        {
            SkipString();
            return true;
        }

        var start = _position;
        while (!AtEnd && !IsKeyDelimiter(Current))
        {
            _position++;
        }

        return _position > start;
    }

    /// <summary>
    /// Reads one value, whose containers start below <paramref name="baseDepth"/>, up to the end of its line (or,
    /// for arrays and inline tables, up to the bracket that closes it).
    /// </summary>
    private void ReadValue(int baseDepth)
    {
        _open.Clear();
        var valueDepth = baseDepth;
        var expectKey = false;
        var afterValue = false;
        while (_problem is null)
        {
            if (_open.Count == 0)
            {
                // At the top of a value, the line ends it; anything after a complete value is the parser's to report.
                SkipSpaces();
                if (AtEnd || Current is '\n' or '\r' or '#' || afterValue)
                {
                    return;
                }
            }
            else
            {
                SkipBlankLinesAndComments();
                if (AtEnd)
                {
                    return;
                }
            }

            var c = Current;
            if (c is ']' or '}')
            {
                if (_open.Count == 0)
                {
                    return;
                }

                _position++;
                _open.Pop();
                valueDepth = _open.Count == 0 ? baseDepth : _open.Peek().Depth;
                (expectKey, afterValue) = (false, true);
                continue;
            }

            if (c == ',')
            {
                _position++;
                expectKey = _open.Count > 0 && _open.Peek().IsTable;
                valueDepth = _open.Count == 0 ? baseDepth : _open.Peek().Depth;
                afterValue = false;
                continue;
            }

            // Brackets count even where a key belongs: invalid input must not nest unseen.
            if (c is '[' or '{')
            {
                if (valueDepth + 1 > TomlTextGuard.MaxDepth)
                {
                    _problem = TooDeep(_position);
                    return;
                }

                _position++;
                valueDepth++;
                _open.Push((c == '{', valueDepth));
                (expectKey, afterValue) = (c == '{', false);
                continue;
            }

            if (expectKey)
            {
                // A key inside an inline table: its dotted segments open tables below the inline table.
                var (segments, _) = ReadKey(valueDepth, everySegmentIsATable: false);
                SkipSpaces();
                if (segments == 0 || AtEnd || Current != '=')
                {
                    // Not a key after all: step over it and let the parser report it.
                    _position += segments == 0 && !AtEnd ? 1 : 0;
                    continue;
                }

                _position++;
                valueDepth += segments - 1;
                expectKey = false;
                continue;
            }

            SkipScalar();
            afterValue = true;
        }
    }

    /// <summary>A string, or a bare scalar (number, date, boolean) up to the next delimiter; at least one character.</summary>
    private void SkipScalar()
    {
        if (Current is '"' or '\'')
        {
            SkipString();
            return;
        }

        var start = _position;
        while (!AtEnd && Current is not (' ' or '\t' or '\n' or '\r' or ',' or ']' or '}' or '[' or '{' or '#' or '"' or '\''))
        {
            _position++;
        }

        if (_position == start)
        {
            _position++;
        }
    }

    /// <summary>Any of TOML's four string forms; an unterminated single-line string ends at its line.</summary>
    private void SkipString()
    {
        var quote = Current;
        var isMultiLine = _position + 2 < text.Length && text[_position + 1] == quote && text[_position + 2] == quote;
        _position += isMultiLine ? 3 : 1;
        while (!AtEnd)
        {
            var c = Current;
            // An escape never hides the end of a single-line string's line.
            if (c == '\\' && quote == '"' && (isMultiLine || _position + 1 >= text.Length || text[_position + 1] is not ('\n' or '\r')))
            {
                // Tomlyn reads a string one UTF-16 unit at a time and fails (ArgumentOutOfRangeException) while
                // describing an escape of half a surrogate pair; no escape letter is outside the BMP anyway.
                if (_position + 1 < text.Length && char.IsSurrogate(text[_position + 1]))
                {
                    _problem ??= new TomlTextProblem(_position, $"'\\' followed by U+{char.ConvertToUtf32(text, _position + 1):X} is not an escape sequence (only b t n f r e \\ \" x u U are)");
                    _position = text.Length;
                    return;
                }

                _position += 2;
                continue;
            }

            if (!isMultiLine && c is '\n' or '\r')
            {
                return;
            }

            if (c == quote)
            {
                if (!isMultiLine)
                {
                    _position++;
                    return;
                }

                if (_position + 2 < text.Length && text[_position + 1] == quote && text[_position + 2] == quote)
                {
                    // Up to two more quotes belong to the content (""""" ends a string with two quotes).
                    _position += 3;
                    for (var extra = 0; extra < 2 && !AtEnd && Current == quote; extra++)
                    {
                        _position++;
                    }

                    return;
                }
            }

            _position++;
        }
    }

    private void SkipBlankLinesAndComments()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
            else if (c == '#')
            {
                SkipRestOfLine();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipSpaces()
    {
        while (!AtEnd && Current is ' ' or '\t')
        {
            _position++;
        }
    }

    // A lone CR ends the line here too: scanning too much of invalid text is harmless, skipping code is not.
    private void SkipRestOfLine()
    {
        while (!AtEnd && Current is not ('\n' or '\r'))
        {
            _position++;
        }
    }

    private static bool IsKeyDelimiter(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '.' or '=' or '[' or ']' or '{' or '}' or ',' or '#' or '"' or '\'';
}
