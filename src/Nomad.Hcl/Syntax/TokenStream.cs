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
