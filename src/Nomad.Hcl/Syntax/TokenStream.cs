using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Syntax;

/// <summary>
/// Reads tokens for the parser. Like hclsyntax's peeker, newlines are significant in bodies and object
/// constructors and skipped inside parentheses, brackets and template sequences.
/// </summary>
internal sealed class TokenStream(List<Token> tokens)
{
    private readonly Stack<bool> _includeNewlines = new([true]);
    private int _next;

    /// <summary>The range of the token read last.</summary>
    public SourceRange PreviousRange { get; private set; }

    /// <summary>The token read last (hclsyntax's <c>PrevRange</c> is its range).</summary>
    public Token PreviousToken => tokens[PreviousIndex];

    /// <summary>The index of the token read last.</summary>
    public int PreviousIndex { get; private set; }

    /// <summary>The read position and newline mode, to look ahead and come back.</summary>
    public (int Next, int Depth) Snapshot() => (_next, _includeNewlines.Count);

    /// <summary>Goes back to a snapshot taken by <see cref="Snapshot"/>.</summary>
    public void Restore((int Next, int Depth) snapshot)
    {
        _next = snapshot.Next;
        while (_includeNewlines.Count > snapshot.Depth)
        {
            _includeNewlines.Pop();
        }
    }

    /// <summary>How many newline modes are pushed.</summary>
    public int NewlineModeDepth => _includeNewlines.Count;

    /// <summary>Drops newline modes pushed after <paramref name="depth"/> (after an aborted expression).</summary>
    public void ResetNewlineModes(int depth)
    {
        while (_includeNewlines.Count > depth)
        {
            _includeNewlines.Pop();
        }
    }

    public void PushIncludeNewlines(bool include) => _includeNewlines.Push(include);

    public void PopIncludeNewlines() => _includeNewlines.Pop();

    public Token Peek() => tokens[NextIndex(out _)];

    public Token Read()
    {
        var index = NextIndex(out var after);
        _next = after;
        PreviousRange = tokens[index].Range;
        PreviousIndex = index;
        return tokens[index];
    }

    /// <summary>The raw next token, newlines included, without consuming it.</summary>
    public Token PeekRaw()
    {
        return tokens[_next];
    }

    /// <summary>Consumes the raw next token, newlines included.</summary>
    public Token ReadRaw()
    {
        var token = tokens[_next];
        if (token.Kind != TokenKind.EndOfFile)
        {
            _next++;
        }

        PreviousRange = token.Range;
        PreviousIndex = _next - (token.Kind == TokenKind.EndOfFile ? 0 : 1);
        return token;
    }

    private int NextIndex(out int after)
    {
        var include = _includeNewlines.Peek();
        for (var i = _next; i < tokens.Count; i++)
        {
            var kind = tokens[i].Kind;
            if (kind == TokenKind.Newline && !include)
            {
                continue;
            }

            after = kind == TokenKind.EndOfFile ? i : i + 1;
            return i;
        }

        after = tokens.Count - 1;
        return tokens.Count - 1;
    }
}
