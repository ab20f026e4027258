using System.Text;

namespace Nomad.Hcl.Functions.Yaml;

/// <summary>
/// libyaml's scanner as go-yaml translated it (scannerc.go, the copy go-cty-yaml carries): turns YAML text into
/// tokens, with the block indentation stack, the simple-key bookkeeping that inserts KEY and BLOCK-MAPPING-START
/// tokens once a ':' is seen, and its errors (<see cref="YamlSyntaxException"/>) at the same points and with the
/// same texts. This file holds the token queue and the dispatch; the scalars and the node properties (directives,
/// anchors, tags) are in their own files.
/// </summary>
internal sealed partial class YamlScanner
{
    private readonly List<YamlToken> _tokens = [];
    private readonly List<int> _indents = [];
    private readonly List<SimpleKey> _simpleKeys = [];
    private int _tokensHead;
    private int _tokensParsed;
    private bool _tokenAvailable;
    private bool _streamStartProduced;
    private bool _streamEndProduced;
    private int _indent;
    private int _flowLevel;
    private bool _simpleKeyAllowed;

    /// <summary>A scanner over <paramref name="source"/>'s UTF-8 bytes.</summary>
    public YamlScanner(string source)
    {
        _input = Encoding.UTF8.GetBytes(source);
    }

    // A place a simple key (one not introduced by '?') may have started.
    private sealed class SimpleKey
    {
        public bool Possible { get; set; }

        public bool Required { get; init; }

        public int TokenNumber { get; init; }

        public YamlMark Mark { get; init; }
    }

    /// <summary>The next token without consuming it (peek_token).</summary>
    public YamlToken Peek()
    {
        if (!_tokenAvailable)
        {
            FetchMoreTokens();
        }

        return _tokens[_tokensHead];
    }

    /// <summary>Consumes the token <see cref="Peek"/> returned (skip_token).</summary>
    public void SkipToken()
    {
        _tokenAvailable = false;
        _tokensParsed++;
        _streamEndProduced = _tokens[_tokensHead].Kind == YamlTokenKind.StreamEnd;
        _tokensHead++;
        if (_tokensHead > 64 && _tokensHead * 2 > _tokens.Count)
        {
            _tokens.RemoveRange(0, _tokensHead);
            _tokensHead = 0;
        }
    }

    /// <summary>Whether the stream's end token has been consumed.</summary>
    public bool StreamEndProduced => _streamEndProduced;

    private void InsertToken(int position, YamlToken token)
    {
        if (position < 0)
        {
            _tokens.Add(token);
        }
        else
        {
            _tokens.Insert(_tokensHead + position, token);
        }
    }

    private YamlSyntaxException ScannerError(YamlMark contextMark, string problem) => YamlSyntaxException.Scanner(contextMark, problem, Mark);

    private void FetchMoreTokens()
    {
        while (true)
        {
            var needMore = false;
            if (_tokensHead == _tokens.Count)
            {
                needMore = true;
            }
            else
            {
                StaleSimpleKeys();
                foreach (var key in _simpleKeys)
                {
                    if (key.Possible && key.TokenNumber == _tokensParsed)
                    {
                        needMore = true;
                        break;
                    }
                }
            }

            if (!needMore)
            {
                break;
            }

            FetchNextToken();
        }

        _tokenAvailable = true;
    }

    private void FetchNextToken()
    {
        Cache(1);
        if (!_streamStartProduced)
        {
            FetchStreamStart();
            return;
        }

        ScanToNextToken();
        StaleSimpleKeys();
        UnrollIndent(_column);
        Cache(4);
        if (IsZ())
        {
            FetchStreamEnd();
            return;
        }

        var c = At();
        if (_column == 0 && c == '%')
        {
            FetchDirective();
            return;
        }

        if (_column == 0 && c == '-' && At(1) == '-' && At(2) == '-' && IsBlankZ(3))
        {
            FetchDocumentIndicator(YamlTokenKind.DocumentStart);
            return;
        }

        if (_column == 0 && c == '.' && At(1) == '.' && At(2) == '.' && IsBlankZ(3))
        {
            FetchDocumentIndicator(YamlTokenKind.DocumentEnd);
            return;
        }

        switch (c)
        {
            case (byte)'[':
                FetchFlowCollectionStart(YamlTokenKind.FlowSequenceStart);
                return;
            case (byte)'{':
                FetchFlowCollectionStart(YamlTokenKind.FlowMappingStart);
                return;
            case (byte)']':
                FetchFlowCollectionEnd(YamlTokenKind.FlowSequenceEnd);
                return;
            case (byte)'}':
                FetchFlowCollectionEnd(YamlTokenKind.FlowMappingEnd);
                return;
            case (byte)',':
                FetchFlowEntry();
                return;
        }

        if (c == '-' && IsBlankZ(1))
        {
            FetchBlockEntry();
            return;
        }

        if (c == '?' && (_flowLevel > 0 || IsBlankZ(1)))
        {
            FetchKey();
            return;
        }

        if (c == ':' && (_flowLevel > 0 || IsBlankZ(1)))
        {
            FetchValue();
            return;
        }

        switch (c)
        {
            case (byte)'*':
                FetchAnchor(YamlTokenKind.Alias);
                return;
            case (byte)'&':
                FetchAnchor(YamlTokenKind.Anchor);
                return;
            case (byte)'!':
                FetchTag();
                return;
            case (byte)'|' when _flowLevel == 0:
                FetchBlockScalar(literal: true);
                return;
            case (byte)'>' when _flowLevel == 0:
                FetchBlockScalar(literal: false);
                return;
            case (byte)'\'':
                FetchFlowScalar(single: true);
                return;
            case (byte)'"':
                FetchFlowScalar(single: false);
                return;
        }

        var indicator = IsBlankZ() || c is (byte)'-' or (byte)'?' or (byte)':' or (byte)',' or (byte)'[' or (byte)']'
            or (byte)'{' or (byte)'}' or (byte)'#' or (byte)'&' or (byte)'*' or (byte)'!' or (byte)'|' or (byte)'>'
            or (byte)'\'' or (byte)'"' or (byte)'%' or (byte)'@' or (byte)'`';
        if (!indicator || (c == '-' && !IsBlank(1)) || (_flowLevel == 0 && c is (byte)'?' or (byte)':' && !IsBlankZ(1)))
        {
            FetchPlainScalar();
            return;
        }

        throw ScannerError(Mark, "found character that cannot start any token");
    }

    private void StaleSimpleKeys()
    {
        foreach (var key in _simpleKeys)
        {
            if (key.Possible && (key.Mark.Line < _line || key.Mark.Index + 1024 < _index))
            {
                if (key.Required)
                {
                    throw ScannerError(key.Mark, "could not find expected ':'");
                }

                key.Possible = false;
            }
        }
    }

    private void SaveSimpleKey()
    {
        var required = _flowLevel == 0 && _indent == _column;
        if (_simpleKeyAllowed)
        {
            var key = new SimpleKey
            {
                Possible = true,
                Required = required,
                TokenNumber = _tokensParsed + (_tokens.Count - _tokensHead),
                Mark = Mark,
            };
            RemoveSimpleKey();
            _simpleKeys[^1] = key;
        }
    }

    private void RemoveSimpleKey()
    {
        var key = _simpleKeys[^1];
        if (key.Possible && key.Required)
        {
            throw ScannerError(key.Mark, "could not find expected ':'");
        }

        key.Possible = false;
    }

    private void IncreaseFlowLevel()
    {
        _simpleKeys.Add(new SimpleKey());
        _flowLevel++;
    }

    private void DecreaseFlowLevel()
    {
        if (_flowLevel > 0)
        {
            _flowLevel--;
            _simpleKeys.RemoveAt(_simpleKeys.Count - 1);
        }
    }

    private void RollIndent(int column, int number, YamlTokenKind kind, YamlMark mark)
    {
        if (_flowLevel > 0)
        {
            return;
        }

        if (_indent < column)
        {
            _indents.Add(_indent);
            _indent = column;
            if (number > -1)
            {
                number -= _tokensParsed;
            }

            InsertToken(number, new YamlToken(kind, mark, mark));
        }
    }

    private void UnrollIndent(int column)
    {
        if (_flowLevel > 0)
        {
            return;
        }

        while (_indent > column)
        {
            InsertToken(-1, new YamlToken(YamlTokenKind.BlockEnd, Mark, Mark));
            _indent = _indents[^1];
            _indents.RemoveAt(_indents.Count - 1);
        }
    }

    private void FetchStreamStart()
    {
        _indent = -1;
        _simpleKeys.Add(new SimpleKey());
        _simpleKeyAllowed = true;
        _streamStartProduced = true;
        InsertToken(-1, new YamlToken(YamlTokenKind.StreamStart, Mark, Mark));
    }

    private void FetchStreamEnd()
    {
        if (_column != 0)
        {
            _column = 0;
            _line++;
        }

        UnrollIndent(-1);
        RemoveSimpleKey();
        _simpleKeyAllowed = false;
        InsertToken(-1, new YamlToken(YamlTokenKind.StreamEnd, Mark, Mark));
    }

    private void FetchDirective()
    {
        UnrollIndent(-1);
        RemoveSimpleKey();
        _simpleKeyAllowed = false;
        InsertToken(-1, ScanDirective());
    }

    private void FetchDocumentIndicator(YamlTokenKind kind)
    {
        UnrollIndent(-1);
        RemoveSimpleKey();
        _simpleKeyAllowed = false;
        var start = Mark;
        Skip();
        Skip();
        Skip();
        InsertToken(-1, new YamlToken(kind, start, Mark));
    }

    private void FetchFlowCollectionStart(YamlTokenKind kind)
    {
        SaveSimpleKey();
        IncreaseFlowLevel();
        _simpleKeyAllowed = true;
        FetchIndicator(kind);
    }

    private void FetchFlowCollectionEnd(YamlTokenKind kind)
    {
        RemoveSimpleKey();
        DecreaseFlowLevel();
        _simpleKeyAllowed = false;
        FetchIndicator(kind);
    }

    private void FetchFlowEntry()
    {
        RemoveSimpleKey();
        _simpleKeyAllowed = true;
        FetchIndicator(YamlTokenKind.FlowEntry);
    }

    private void FetchBlockEntry()
    {
        if (_flowLevel == 0)
        {
            if (!_simpleKeyAllowed)
            {
                throw ScannerError(Mark, "block sequence entries are not allowed in this context");
            }

            RollIndent(_column, -1, YamlTokenKind.BlockSequenceStart, Mark);
        }

        RemoveSimpleKey();
        _simpleKeyAllowed = true;
        FetchIndicator(YamlTokenKind.BlockEntry);
    }

    private void FetchKey()
    {
        if (_flowLevel == 0)
        {
            if (!_simpleKeyAllowed)
            {
                throw ScannerError(Mark, "mapping keys are not allowed in this context");
            }

            RollIndent(_column, -1, YamlTokenKind.BlockMappingStart, Mark);
        }

        RemoveSimpleKey();
        _simpleKeyAllowed = _flowLevel == 0;
        FetchIndicator(YamlTokenKind.Key);
    }

    private void FetchValue()
    {
        var key = _simpleKeys[^1];
        if (key.Possible)
        {
            InsertToken(key.TokenNumber - _tokensParsed, new YamlToken(YamlTokenKind.Key, key.Mark, key.Mark));
            RollIndent(key.Mark.Column, key.TokenNumber, YamlTokenKind.BlockMappingStart, key.Mark);
            key.Possible = false;
            _simpleKeyAllowed = false;
        }
        else
        {
            if (_flowLevel == 0)
            {
                if (!_simpleKeyAllowed)
                {
                    throw ScannerError(Mark, "mapping values are not allowed in this context");
                }

                RollIndent(_column, -1, YamlTokenKind.BlockMappingStart, Mark);
            }

            _simpleKeyAllowed = _flowLevel == 0;
        }

        FetchIndicator(YamlTokenKind.Value);
    }

    // A one-character token.
    private void FetchIndicator(YamlTokenKind kind)
    {
        var start = Mark;
        Skip();
        InsertToken(-1, new YamlToken(kind, start, Mark));
    }

    private void FetchAnchor(YamlTokenKind kind)
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        InsertToken(-1, ScanAnchor(kind));
    }

    private void FetchTag()
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        InsertToken(-1, ScanTag());
    }

    private void FetchBlockScalar(bool literal)
    {
        RemoveSimpleKey();
        _simpleKeyAllowed = true;
        InsertToken(-1, ScanBlockScalar(literal));
    }

    private void FetchFlowScalar(bool single)
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        InsertToken(-1, ScanFlowScalar(single));
    }

    private void FetchPlainScalar()
    {
        SaveSimpleKey();
        _simpleKeyAllowed = false;
        InsertToken(-1, ScanPlainScalar());
    }

    // Skips white space, comments and line breaks; a tab is skipped only where a simple key cannot start (in flow
    // context or after a key/value indicator on its line), otherwise it is left to fail as a token.
    private void ScanToNextToken()
    {
        while (true)
        {
            Cache(1);
            if (_column == 0 && IsBom())
            {
                Skip();
            }

            Cache(1);
            while (At() == ' ' || ((_flowLevel > 0 || !_simpleKeyAllowed) && At() == '\t'))
            {
                Skip();
                Cache(1);
            }

            if (At() == '#')
            {
                while (!IsBreakZ())
                {
                    Skip();
                    Cache(1);
                }
            }

            if (IsBreak())
            {
                Cache(2);
                SkipLine();
                if (_flowLevel == 0)
                {
                    _simpleKeyAllowed = true;
                }
            }
            else
            {
                break;
            }
        }
    }
}
