using System.Text;

namespace Nomad.Hcl.Functions.Yaml;

/// <summary>
/// libyaml's parser as go-yaml translated it (parserc.go, the copy go-cty-yaml carries): a state machine over the
/// scanner's tokens giving stream, document, node and collection events, with implicit documents, indentless
/// sequences in mappings, empty scalars for missing keys and values, %YAML/%TAG directives and tag handles; its
/// structural errors ("did not find expected key", "did not find expected ',' or ']'", …) are thrown at the token
/// where libyaml sets them.
/// </summary>
internal sealed class YamlParser(string source)
{
    private readonly YamlScanner _scanner = new(source);
    private readonly List<State> _states = [];
    private readonly List<YamlMark> _marks = [];
    private readonly List<(byte[] Handle, byte[] Prefix)> _tagDirectives = [];
    private State _state = State.StreamStart;

    private enum State
    {
        StreamStart,
        ImplicitDocumentStart,
        DocumentStart,
        DocumentContent,
        DocumentEnd,
        BlockNode,
        BlockNodeOrIndentlessSequence,
        FlowNode,
        BlockSequenceFirstEntry,
        BlockSequenceEntry,
        IndentlessSequenceEntry,
        BlockMappingFirstKey,
        BlockMappingKey,
        BlockMappingValue,
        FlowSequenceFirstEntry,
        FlowSequenceEntry,
        FlowSequenceEntryMappingKey,
        FlowSequenceEntryMappingValue,
        FlowSequenceEntryMappingEnd,
        FlowMappingFirstKey,
        FlowMappingKey,
        FlowMappingValue,
        FlowMappingEmptyValue,
        End,
    }

    /// <summary>The next event, or null after the stream's end (yaml_parser_parse).</summary>
    public YamlEvent? Next()
    {
        if (_scanner.StreamEndProduced || _state == State.End)
        {
            return null;
        }

        return _state switch
        {
            State.StreamStart => StreamStart(),
            State.ImplicitDocumentStart => DocumentStart(implicitly: true),
            State.DocumentStart => DocumentStart(implicitly: false),
            State.DocumentContent => DocumentContent(),
            State.DocumentEnd => DocumentEnd(),
            State.BlockNode => Node(block: true, indentlessSequence: false),
            State.BlockNodeOrIndentlessSequence => Node(block: true, indentlessSequence: true),
            State.FlowNode => Node(block: false, indentlessSequence: false),
            State.BlockSequenceFirstEntry => BlockSequenceEntry(first: true),
            State.BlockSequenceEntry => BlockSequenceEntry(first: false),
            State.IndentlessSequenceEntry => IndentlessSequenceEntry(),
            State.BlockMappingFirstKey => BlockMappingKey(first: true),
            State.BlockMappingKey => BlockMappingKey(first: false),
            State.BlockMappingValue => BlockMappingValue(),
            State.FlowSequenceFirstEntry => FlowSequenceEntry(first: true),
            State.FlowSequenceEntry => FlowSequenceEntry(first: false),
            State.FlowSequenceEntryMappingKey => FlowSequenceEntryMappingKey(),
            State.FlowSequenceEntryMappingValue => FlowSequenceEntryMappingValue(),
            State.FlowSequenceEntryMappingEnd => FlowSequenceEntryMappingEnd(),
            State.FlowMappingFirstKey => FlowMappingKey(first: true),
            State.FlowMappingKey => FlowMappingKey(first: false),
            State.FlowMappingValue => FlowMappingValue(empty: false),
            State.FlowMappingEmptyValue => FlowMappingValue(empty: true),
            _ => throw new InvalidOperationException("invalid parser state"),
        };
    }

    private YamlToken Peek() => _scanner.Peek();

    private void Skip() => _scanner.SkipToken();

    private State PopState()
    {
        var state = _states[^1];
        _states.RemoveAt(_states.Count - 1);
        return state;
    }

    private YamlMark PopMark()
    {
        var mark = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        return mark;
    }

    private YamlEvent StreamStart()
    {
        var token = Peek();
        if (token.Kind != YamlTokenKind.StreamStart)
        {
            throw YamlSyntaxException.Parser("did not find expected <stream-start>", token.Start);
        }

        _state = State.ImplicitDocumentStart;
        Skip();
        return new YamlEvent(YamlEventKind.StreamStart, token.Start, token.End);
    }

    private YamlEvent DocumentStart(bool implicitly)
    {
        var token = Peek();
        if (!implicitly)
        {
            while (token.Kind == YamlTokenKind.DocumentEnd)
            {
                Skip();
                token = Peek();
            }
        }

        if (implicitly && token.Kind is not (YamlTokenKind.VersionDirective or YamlTokenKind.TagDirective or YamlTokenKind.DocumentStart or YamlTokenKind.StreamEnd))
        {
            ProcessDirectives();
            _states.Add(State.DocumentEnd);
            _state = State.BlockNode;
            return new YamlEvent(YamlEventKind.DocumentStart, token.Start, token.End) { Implicit = true };
        }

        if (token.Kind != YamlTokenKind.StreamEnd)
        {
            var start = token.Start;
            ProcessDirectives();
            token = Peek();
            if (token.Kind != YamlTokenKind.DocumentStart)
            {
                throw YamlSyntaxException.Parser("did not find expected <document start>", token.Start);
            }

            _states.Add(State.DocumentEnd);
            _state = State.DocumentContent;
            Skip();
            return new YamlEvent(YamlEventKind.DocumentStart, start, token.End);
        }

        _state = State.End;
        Skip();
        return new YamlEvent(YamlEventKind.StreamEnd, token.Start, token.End);
    }

    private YamlEvent DocumentContent()
    {
        var token = Peek();
        if (token.Kind is YamlTokenKind.VersionDirective or YamlTokenKind.TagDirective or YamlTokenKind.DocumentStart or YamlTokenKind.DocumentEnd or YamlTokenKind.StreamEnd)
        {
            _state = PopState();
            return EmptyScalar(token.Start);
        }

        return Node(block: true, indentlessSequence: false);
    }

    private YamlEvent DocumentEnd()
    {
        var token = Peek();
        var start = token.Start;
        var end = token.Start;
        var implicitly = true;
        if (token.Kind == YamlTokenKind.DocumentEnd)
        {
            end = token.End;
            Skip();
            implicitly = false;
        }

        _tagDirectives.Clear();
        _state = State.DocumentStart;
        return new YamlEvent(YamlEventKind.DocumentEnd, start, end) { Implicit = implicitly };
    }

    private YamlEvent Node(bool block, bool indentlessSequence)
    {
        var token = Peek();
        if (token.Kind == YamlTokenKind.Alias)
        {
            _state = PopState();
            Skip();
            return new YamlEvent(YamlEventKind.Alias, token.Start, token.End) { Anchor = Encoding.UTF8.GetString(token.Value) };
        }

        var start = token.Start;
        var end = token.Start;
        var tagToken = false;
        byte[] tagHandle = [], tagSuffix = [];
        var anchor = "";
        var tagMark = default(YamlMark);
        if (token.Kind == YamlTokenKind.Anchor)
        {
            anchor = Encoding.UTF8.GetString(token.Value);
            start = token.Start;
            end = token.End;
            Skip();
            token = Peek();
            if (token.Kind == YamlTokenKind.Tag)
            {
                tagToken = true;
                tagHandle = token.Value;
                tagSuffix = token.Suffix;
                tagMark = token.Start;
                end = token.End;
                Skip();
                token = Peek();
            }
        }
        else if (token.Kind == YamlTokenKind.Tag)
        {
            tagToken = true;
            tagHandle = token.Value;
            tagSuffix = token.Suffix;
            start = token.Start;
            tagMark = token.Start;
            end = token.End;
            Skip();
            token = Peek();
            if (token.Kind == YamlTokenKind.Anchor)
            {
                anchor = Encoding.UTF8.GetString(token.Value);
                end = token.End;
                Skip();
                token = Peek();
            }
        }

        byte[] tag = [];
        if (tagToken)
        {
            if (tagHandle.Length == 0)
            {
                tag = tagSuffix;
            }
            else
            {
                foreach (var (handle, prefix) in _tagDirectives)
                {
                    if (handle.AsSpan().SequenceEqual(tagHandle))
                    {
                        tag = [.. prefix, .. tagSuffix];
                        break;
                    }
                }

                if (tag.Length == 0)
                {
                    throw YamlSyntaxException.Parser("found undefined tag handle", tagMark, start);
                }
            }
        }

        var tagText = Encoding.UTF8.GetString(tag);
        var implicitTag = tag.Length == 0;
        if (indentlessSequence && token.Kind == YamlTokenKind.BlockEntry)
        {
            _state = State.IndentlessSequenceEntry;
            return new YamlEvent(YamlEventKind.SequenceStart, start, token.End) { Anchor = anchor, Tag = tagText, Implicit = implicitTag };
        }

        if (token.Kind == YamlTokenKind.Scalar)
        {
            var plainImplicit = (tag.Length == 0 && token.Style == YamlScalarStyle.Plain) || tagText == "!";
            var quotedImplicit = !plainImplicit && tag.Length == 0;
            _state = PopState();
            Skip();
            return new YamlEvent(YamlEventKind.Scalar, start, token.End)
            {
                Anchor = anchor,
                Tag = tagText,
                Value = Encoding.UTF8.GetString(token.Value),
                Implicit = plainImplicit,
                QuotedImplicit = quotedImplicit,
                Style = token.Style,
            };
        }

        var collection = token.Kind switch
        {
            YamlTokenKind.FlowSequenceStart => (YamlEventKind.SequenceStart, State.FlowSequenceFirstEntry),
            YamlTokenKind.FlowMappingStart => (YamlEventKind.MappingStart, State.FlowMappingFirstKey),
            YamlTokenKind.BlockSequenceStart when block => (YamlEventKind.SequenceStart, State.BlockSequenceFirstEntry),
            YamlTokenKind.BlockMappingStart when block => (YamlEventKind.MappingStart, State.BlockMappingFirstKey),
            _ => ((YamlEventKind, State)?)null,
        };
        if (collection is var (kind, next))
        {
            _state = next;
            return new YamlEvent(kind, start, token.End) { Anchor = anchor, Tag = tagText, Implicit = implicitTag };
        }

        if (anchor.Length > 0 || tag.Length > 0)
        {
            _state = PopState();
            return new YamlEvent(YamlEventKind.Scalar, start, end)
            {
                Anchor = anchor,
                Tag = tagText,
                Implicit = implicitTag,
                Style = YamlScalarStyle.Plain,
            };
        }

        throw YamlSyntaxException.Parser("did not find expected node content", token.Start, start);
    }

    private YamlEvent BlockSequenceEntry(bool first)
    {
        if (first)
        {
            _marks.Add(Peek().Start);
            Skip();
        }

        var token = Peek();
        if (token.Kind == YamlTokenKind.BlockEntry)
        {
            var mark = token.End;
            Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.BlockEntry or YamlTokenKind.BlockEnd))
            {
                _states.Add(State.BlockSequenceEntry);
                return Node(block: true, indentlessSequence: false);
            }

            _state = State.BlockSequenceEntry;
            return EmptyScalar(mark);
        }

        if (token.Kind == YamlTokenKind.BlockEnd)
        {
            _state = PopState();
            PopMark();
            Skip();
            return new YamlEvent(YamlEventKind.SequenceEnd, token.Start, token.End);
        }

        var context = PopMark();
        throw YamlSyntaxException.Parser("did not find expected '-' indicator", token.Start, context);
    }

    private YamlEvent IndentlessSequenceEntry()
    {
        var token = Peek();
        if (token.Kind == YamlTokenKind.BlockEntry)
        {
            var mark = token.End;
            Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.BlockEntry or YamlTokenKind.Key or YamlTokenKind.Value or YamlTokenKind.BlockEnd))
            {
                _states.Add(State.IndentlessSequenceEntry);
                return Node(block: true, indentlessSequence: false);
            }

            _state = State.IndentlessSequenceEntry;
            return EmptyScalar(mark);
        }

        _state = PopState();
        return new YamlEvent(YamlEventKind.SequenceEnd, token.Start, token.Start);
    }

    private YamlEvent BlockMappingKey(bool first)
    {
        if (first)
        {
            _marks.Add(Peek().Start);
            Skip();
        }

        var token = Peek();
        if (token.Kind == YamlTokenKind.Key)
        {
            var mark = token.End;
            Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.Key or YamlTokenKind.Value or YamlTokenKind.BlockEnd))
            {
                _states.Add(State.BlockMappingValue);
                return Node(block: true, indentlessSequence: true);
            }

            _state = State.BlockMappingValue;
            return EmptyScalar(mark);
        }

        if (token.Kind == YamlTokenKind.BlockEnd)
        {
            _state = PopState();
            PopMark();
            Skip();
            return new YamlEvent(YamlEventKind.MappingEnd, token.Start, token.End);
        }

        var context = PopMark();
        throw YamlSyntaxException.Parser("did not find expected key", token.Start, context);
    }

    private YamlEvent BlockMappingValue()
    {
        var token = Peek();
        if (token.Kind == YamlTokenKind.Value)
        {
            var mark = token.End;
            Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.Key or YamlTokenKind.Value or YamlTokenKind.BlockEnd))
            {
                _states.Add(State.BlockMappingKey);
                return Node(block: true, indentlessSequence: true);
            }

            _state = State.BlockMappingKey;
            return EmptyScalar(mark);
        }

        _state = State.BlockMappingKey;
        return EmptyScalar(token.Start);
    }

    private YamlEvent FlowSequenceEntry(bool first)
    {
        if (first)
        {
            _marks.Add(Peek().Start);
            Skip();
        }

        var token = Peek();
        if (token.Kind != YamlTokenKind.FlowSequenceEnd)
        {
            if (!first)
            {
                if (token.Kind != YamlTokenKind.FlowEntry)
                {
                    var context = PopMark();
                    throw YamlSyntaxException.Parser("did not find expected ',' or ']'", token.Start, context);
                }

                Skip();
                token = Peek();
            }

            if (token.Kind == YamlTokenKind.Key)
            {
                _state = State.FlowSequenceEntryMappingKey;
                Skip();
                return new YamlEvent(YamlEventKind.MappingStart, token.Start, token.End) { Implicit = true };
            }

            if (token.Kind != YamlTokenKind.FlowSequenceEnd)
            {
                _states.Add(State.FlowSequenceEntry);
                return Node(block: false, indentlessSequence: false);
            }
        }

        _state = PopState();
        PopMark();
        Skip();
        return new YamlEvent(YamlEventKind.SequenceEnd, token.Start, token.End);
    }

    private YamlEvent FlowSequenceEntryMappingKey()
    {
        var token = Peek();
        if (token.Kind is not (YamlTokenKind.Value or YamlTokenKind.FlowEntry or YamlTokenKind.FlowSequenceEnd))
        {
            _states.Add(State.FlowSequenceEntryMappingValue);
            return Node(block: false, indentlessSequence: false);
        }

        var mark = token.End;
        Skip();
        _state = State.FlowSequenceEntryMappingValue;
        return EmptyScalar(mark);
    }

    private YamlEvent FlowSequenceEntryMappingValue()
    {
        var token = Peek();
        if (token.Kind == YamlTokenKind.Value)
        {
            Skip();
            var next = Peek();
            if (next.Kind is not (YamlTokenKind.FlowEntry or YamlTokenKind.FlowSequenceEnd))
            {
                _states.Add(State.FlowSequenceEntryMappingEnd);
                return Node(block: false, indentlessSequence: false);
            }
        }

        // libyaml (and go-yaml) mark the empty value at the ':' token here, not at the token after it.
        _state = State.FlowSequenceEntryMappingEnd;
        return EmptyScalar(token.Start);
    }

    private YamlEvent FlowSequenceEntryMappingEnd()
    {
        var token = Peek();
        _state = State.FlowSequenceEntry;
        return new YamlEvent(YamlEventKind.MappingEnd, token.Start, token.Start);
    }

    private YamlEvent FlowMappingKey(bool first)
    {
        if (first)
        {
            _marks.Add(Peek().Start);
            Skip();
        }

        var token = Peek();
        if (token.Kind != YamlTokenKind.FlowMappingEnd)
        {
            if (!first)
            {
                if (token.Kind != YamlTokenKind.FlowEntry)
                {
                    var context = PopMark();
                    throw YamlSyntaxException.Parser("did not find expected ',' or '}'", token.Start, context);
                }

                Skip();
                token = Peek();
            }

            if (token.Kind == YamlTokenKind.Key)
            {
                Skip();
                token = Peek();
                if (token.Kind is not (YamlTokenKind.Value or YamlTokenKind.FlowEntry or YamlTokenKind.FlowMappingEnd))
                {
                    _states.Add(State.FlowMappingValue);
                    return Node(block: false, indentlessSequence: false);
                }

                _state = State.FlowMappingValue;
                return EmptyScalar(token.Start);
            }

            if (token.Kind != YamlTokenKind.FlowMappingEnd)
            {
                _states.Add(State.FlowMappingEmptyValue);
                return Node(block: false, indentlessSequence: false);
            }
        }

        _state = PopState();
        PopMark();
        Skip();
        return new YamlEvent(YamlEventKind.MappingEnd, token.Start, token.End);
    }

    private YamlEvent FlowMappingValue(bool empty)
    {
        var token = Peek();
        if (empty)
        {
            _state = State.FlowMappingKey;
            return EmptyScalar(token.Start);
        }

        if (token.Kind == YamlTokenKind.Value)
        {
            Skip();
            token = Peek();
            if (token.Kind is not (YamlTokenKind.FlowEntry or YamlTokenKind.FlowMappingEnd))
            {
                _states.Add(State.FlowMappingKey);
                return Node(block: false, indentlessSequence: false);
            }
        }

        _state = State.FlowMappingKey;
        return EmptyScalar(token.Start);
    }

    private static YamlEvent EmptyScalar(YamlMark mark) =>
        new(YamlEventKind.Scalar, mark, mark) { Implicit = true, Style = YamlScalarStyle.Plain };

    private void ProcessDirectives()
    {
        var versionSeen = false;
        var token = Peek();
        while (token.Kind is YamlTokenKind.VersionDirective or YamlTokenKind.TagDirective)
        {
            if (token.Kind == YamlTokenKind.VersionDirective)
            {
                if (versionSeen)
                {
                    throw YamlSyntaxException.Parser("found duplicate %YAML directive", token.Start);
                }

                if (token.Major != 1 || token.Minor != 1)
                {
                    throw YamlSyntaxException.Parser("found incompatible YAML document", token.Start);
                }

                versionSeen = true;
            }
            else
            {
                AppendTagDirective(token.Value, token.Prefix, allowDuplicates: false, token.Start);
            }

            Skip();
            token = Peek();
        }

        AppendTagDirective("!"u8.ToArray(), "!"u8.ToArray(), allowDuplicates: true, token.Start);
        AppendTagDirective("!!"u8.ToArray(), "tag:yaml.org,2002:"u8.ToArray(), allowDuplicates: true, token.Start);
    }

    private void AppendTagDirective(byte[] handle, byte[] prefix, bool allowDuplicates, YamlMark mark)
    {
        foreach (var (existing, _) in _tagDirectives)
        {
            if (existing.AsSpan().SequenceEqual(handle))
            {
                if (allowDuplicates)
                {
                    return;
                }

                throw YamlSyntaxException.Parser("found duplicate %TAG directive", mark);
            }
        }

        _tagDirectives.Add((handle, prefix));
    }
}
