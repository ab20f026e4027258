using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;

namespace Nomad.Hcl.Syntax;

/// <content>Expressions: conditional, binary operators by HCL's precedence, unary, traversals and terms.</content>
public sealed partial class Parser
{
    private static readonly (TokenKind Token, BinaryOperator Operator)[][] Levels =
    [
        [(TokenKind.Or, BinaryOperator.Or)],
        [(TokenKind.And, BinaryOperator.And)],
        [(TokenKind.EqualOp, BinaryOperator.Equal), (TokenKind.NotEqual, BinaryOperator.NotEqual)],
        [(TokenKind.GreaterThan, BinaryOperator.GreaterThan), (TokenKind.GreaterThanEq, BinaryOperator.GreaterThanOrEqual),
         (TokenKind.LessThan, BinaryOperator.LessThan), (TokenKind.LessThanEq, BinaryOperator.LessThanOrEqual)],
        [(TokenKind.Plus, BinaryOperator.Add), (TokenKind.Minus, BinaryOperator.Subtract)],
        [(TokenKind.Star, BinaryOperator.Multiply), (TokenKind.Slash, BinaryOperator.Divide), (TokenKind.Percent, BinaryOperator.Modulo)],
    ];

    private Expression Expr()
    {
        var start = _tokens.Peek().Range;
        Enter(start);
        var condition = Binary(0);
        if (_tokens.Peek().Kind != TokenKind.Question)
        {
            Leave();
            return condition;
        }

        _tokens.Read();
        var whenTrue = Expr();
        var colon = _tokens.Peek();
        if (colon.Kind != TokenKind.Colon)
        {
            throw Fail("Missing false expression in conditional", "The conditional operator (...?...:...) requires a false expression, delimited by a colon.", colon.Range);
        }

        _tokens.Read();
        var whenFalse = Expr();
        Leave();
        return new ConditionalExpression(condition, whenTrue, whenFalse, SourceRange.Between(condition.Range, whenFalse.Range));
    }

    private Expression Binary(int level)
    {
        if (level == Levels.Length)
        {
            return Unary();
        }

        var left = Binary(level + 1);
        while (true)
        {
            var next = _tokens.Peek().Kind;
            var found = false;
            foreach (var (token, op) in Levels[level])
            {
                if (token != next)
                {
                    continue;
                }

                _tokens.Read();
                var right = Binary(level + 1);
                left = new BinaryExpression(op, left, right, SourceRange.Between(left.Range, right.Range));
                found = true;
                break;
            }

            if (!found)
            {
                return left;
            }
        }
    }

    private Expression Unary()
    {
        var next = _tokens.Peek();
        if (next.Kind is TokenKind.Minus or TokenKind.Bang)
        {
            _tokens.Read();
            Enter(next.Range);
            var operand = Unary();
            Leave();
            // Not folded into a literal, even for "-1": hclsyntax keeps a UnaryOpExpr, whose start range (what value errors
            // point at) is the operator alone.
            return new UnaryExpression(next.Kind == TokenKind.Minus, operand, SourceRange.Between(next.Range, operand.Range));
        }

        return Traversals(Term());
    }

    private Expression Traversals(Expression source)
    {
        while (true)
        {
            var next = _tokens.Peek();
            if (next.Kind == TokenKind.Dot)
            {
                _tokens.Read();
                var name = _tokens.Peek();
                if (name.Kind == TokenKind.Star)
                {
                    _tokens.Read();
                    source = Splat(source, SourceRange.Between(next.Range, name.Range), full: false);
                    continue;
                }

                source = AttributeStep(source, next);
                continue;
            }

            if (next.Kind == TokenKind.OBrack)
            {
                _tokens.Read();
                var openIndex = _tokens.PreviousIndex;
                _tokens.PushIncludeNewlines(false);
                if (_tokens.Peek().Kind == TokenKind.Star)
                {
                    _tokens.Read();
                    var close = _tokens.Read();
                    _tokens.PopIncludeNewlines();
                    if (close.Kind != TokenKind.CBrack)
                    {
                        // hclsyntax reports the token its recovery stops at (the diagnostic points at the reassigned variable).
                        throw Fail("Missing close bracket on splat index", "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").", _tokens.MatchingToken(openIndex).Range);
                    }

                    source = Splat(source, SourceRange.Between(next.Range, close.Range), full: true);
                    continue;
                }

                var key = IndexKey(openIndex);

                var end = _tokens.Read();
                _tokens.PopIncludeNewlines();
                if (end.Kind != TokenKind.CBrack)
                {
                    // hclsyntax reports the token its recovery stops at (the diagnostic points at the reassigned variable).
                    var stop = _tokens.MatchingToken(openIndex);
                    var error = Fail("Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").", stop.Range);
                    RecoverPast(openIndex);
                    throw error;
                }

                source = new IndexExpression(source, key, SourceRange.Between(next.Range, end.Range), SourceRange.Between(source.Range, end.Range));
                continue;
            }

            return source;
        }
    }

    /// <summary>An index key; on an error, recovery past the closing bracket (hclsyntax's recover).</summary>
    private Expression IndexKey(int openIndex)
    {
        try
        {
            return Expr();
        }
        catch (ParseAbortedException)
        {
            RecoverPast(openIndex);
            throw;
        }
    }

    private Expression AttributeStep(Expression source, Token dot)
    {
        var name = _tokens.Read();
        switch (name.Kind)
        {
            case TokenKind.Ident:
                return new GetAttrExpression(source, name.Text, SourceRange.Between(dot.Range, name.Range), SourceRange.Between(source.Range, name.Range));
            case TokenKind.NumberLit:
                // Legacy index syntax a.0; "a.0.1" scans as the number "0.1", which hclsyntax refuses.
                if (name.Text.IndexOf('.', StringComparison.Ordinal) is var dotAt and >= 0)
                {
                    throw Fail("Invalid legacy index syntax", $"When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [{name.Text[..dotAt]}][{name.Text[(dotAt + 1)..]}].", name.Range);
                }

                if (!HclValue.TryParseNumber(name.Text, out var index))
                {
                    throw Fail("Invalid number literal", "Failed to recognize the value of this number literal.", name.Range);
                }

                return new IndexExpression(source, new LiteralExpression(index, name.Range), SourceRange.Between(dot.Range, name.Range), SourceRange.Between(source.Range, name.Range));
            default:
                throw Fail("Invalid attribute name", "An attribute name is required after a dot.", name.Kind == TokenKind.EndOfFile ? dot.Range : name.Range);
        }
    }

    private SplatExpression Splat(Expression source, SourceRange marker, bool full)
    {
        var item = new AnonymousSymbolExpression(marker);
        Expression each = item;
        while (true)
        {
            var next = _tokens.Peek();
            if (next.Kind == TokenKind.Dot)
            {
                var afterDot = PeekSecond();
                if (afterDot.Kind == TokenKind.Star)
                {
                    break;
                }

                _tokens.Read();
                each = AttributeStep(each, next);
                continue;
            }

            if (full && next.Kind == TokenKind.OBrack)
            {
                if (PeekSecond().Kind == TokenKind.Star)
                {
                    break;
                }

                _tokens.Read();
                _tokens.PushIncludeNewlines(false);
                var key = Expr();
                var end = _tokens.Read();
                _tokens.PopIncludeNewlines();
                if (end.Kind != TokenKind.CBrack)
                {
                    throw Fail("Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").", end.Range);
                }

                each = new IndexExpression(each, key, SourceRange.Between(next.Range, end.Range), SourceRange.Between(each.Range, end.Range));
                continue;
            }

            break;
        }

        return new SplatExpression(source, each, item, marker, SourceRange.Between(source.Range, each.Range));
    }

    private Token PeekSecond()
    {
        // Only used right after Peek() returned a '.' or '[': look one token further without consuming.
        var snapshot = _tokens.Snapshot();
        _tokens.Read();
        var second = _tokens.Peek();
        _tokens.Restore(snapshot);
        return second;
    }

    private Expression Term()
    {
        var start = _tokens.Peek();
        switch (start.Kind)
        {
            case TokenKind.OParen:
                {
                    _tokens.Read();
                    var openIndex = _tokens.PreviousIndex;
                    _tokens.PushIncludeNewlines(false);
                    Expression inner;
                    try
                    {
                        inner = Expr();
                    }
                    catch (ParseAbortedException)
                    {
                        RecoverPast(openIndex);
                        throw;
                    }

                    var close = _tokens.Read();
                    _tokens.PopIncludeNewlines();
                    if (close.Kind != TokenKind.CParen)
                    {
                        throw Fail("Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.", close.Range);
                    }

                    return new ParenthesesExpression(inner, SourceRange.Between(start.Range, close.Range));
                }

            case TokenKind.NumberLit:
                _tokens.Read();
                if (!HclValue.TryParseNumber(start.Text, out var literal))
                {
                    throw Fail("Invalid number literal", "Failed to recognize the value of this number literal.", start.Range);
                }

                return new LiteralExpression(literal, start.Range);

            case TokenKind.Ident:
                _tokens.Read();
                switch (start.Text)
                {
                    case "true": return new LiteralExpression(HclValue.True, start.Range);
                    case "false": return new LiteralExpression(HclValue.False, start.Range);
                    case "null": return new LiteralExpression(HclValue.Null, start.Range);
                }

                if (_tokens.Peek().Kind == TokenKind.OParen)
                {
                    return FunctionCall(start);
                }

                return new VariableExpression(start.Text, start.Range);

            case TokenKind.OQuote or TokenKind.OHeredoc:
                return Template();

            case TokenKind.OBrack:
                return TupleOrFor();

            case TokenKind.OBrace:
                return ObjectOrFor();

            default:
                if (_recovery)
                {
                    // hclsyntax in recovery mode: no diagnostic, a placeholder, the token left for the caller.
                    return new LiteralExpression(HclValue.Null, start.Range);
                }

                _tokens.Read();
                throw Fail("Invalid expression", "Expected the start of an expression, but found an invalid expression token.", start.Range);
        }
    }

    private FunctionCallExpression FunctionCall(Token name)
    {
        var open = _tokens.Read();
        var openIndex = _tokens.PreviousIndex;
        _tokens.PushIncludeNewlines(false);
        var args = new List<Expression>();
        var expand = false;
        Token close;
        try
        {
            close = FunctionArguments(args, ref expand);
        }
        catch (ParseAbortedException)
        {
            RecoverPast(openIndex);
            throw;
        }

        _tokens.PopIncludeNewlines();
        return new FunctionCallExpression(name.Text, args, expand, name.Range, open.Range, close.Range, SourceRange.Between(name.Range, close.Range));
    }

    private Token FunctionArguments(List<Expression> args, ref bool expand)
    {
        Token close;
        while (true)
        {
            var next = _tokens.Peek();
            if (next.Kind == TokenKind.CParen)
            {
                close = _tokens.Read();
                break;
            }

            args.Add(Expr());
            next = _tokens.Read();
            if (next.Kind == TokenKind.Ellipsis)
            {
                expand = true;
                close = _tokens.Read();
                if (close.Kind != TokenKind.CParen)
                {
                    throw Fail("Missing closing parenthesis", "An expanded function argument (with ...) must be immediately followed by closing parentheses.", close.Range);
                }

                break;
            }

            if (next.Kind == TokenKind.CParen)
            {
                close = next;
                break;
            }

            if (next.Kind != TokenKind.Comma)
            {
                throw Fail("Missing argument separator", "A comma is required to separate each function argument from the next.", next.Range);
            }
        }

        return close;
    }

    private Expression TupleOrFor()
    {
        var open = _tokens.Read();
        var openIndex = _tokens.PreviousIndex;
        _tokens.PushIncludeNewlines(false);
        try
        {
            var first = _tokens.Peek();
            if (first.Kind == TokenKind.Ident && first.Text == "for" && PeekSecond().Kind == TokenKind.Ident)
            {
                return ForExpr(open, isObject: false);
            }

            var items = new List<Expression>();
            while (true)
            {
                var next = _tokens.Peek();
                if (next.Kind == TokenKind.CBrack)
                {
                    var close = _tokens.Read();
                    return new TupleExpression(items, SourceRange.Between(open.Range, close.Range));
                }

                items.Add(Expr());
                next = _tokens.Read();
                if (next.Kind == TokenKind.CBrack)
                {
                    return new TupleExpression(items, SourceRange.Between(open.Range, next.Range));
                }

                if (next.Kind != TokenKind.Comma)
                {
                    throw Fail("Missing item separator", "Expected a comma to mark the beginning of the next item.", next.Range);
                }
            }
        }
        catch (ParseAbortedException)
        {
            RecoverPast(openIndex);
            throw;
        }
        finally
        {
            _tokens.PopIncludeNewlines();
        }
    }

    private Expression ObjectOrFor()
    {
        var open = _tokens.Read();
        var openIndex = _tokens.PreviousIndex;
        var first = _tokens.Peek();
        if (first.Kind == TokenKind.Ident && first.Text == "for" && PeekSecond().Kind == TokenKind.Ident)
        {
            _tokens.PushIncludeNewlines(false);
            try
            {
                return ForExpr(open, isObject: true);
            }
            catch (ParseAbortedException)
            {
                RecoverPast(openIndex);
                throw;
            }
            finally
            {
                _tokens.PopIncludeNewlines();
            }
        }

        _tokens.PushIncludeNewlines(true);
        try
        {
            var items = new List<ObjectItem>();
            while (true)
            {
                var next = _tokens.Peek();
                if (next.Kind == TokenKind.Newline)
                {
                    _tokens.Read();
                    continue;
                }

                if (next.Kind == TokenKind.CBrace)
                {
                    var close = _tokens.Read();
                    return new ObjectExpression(items, SourceRange.Between(open.Range, close.Range));
                }

                var forceNonLiteral = next.Kind == TokenKind.OParen;
                var keyExpr = Expr();
                var key = new ObjectKeyExpression(keyExpr, forceNonLiteral, keyExpr.Range);
                var separator = _tokens.Read();
                if (separator.Kind is not (TokenKind.Equal or TokenKind.Colon))
                {
                    throw separator.Kind switch
                    {
                        TokenKind.Newline or TokenKind.Comma => Fail("Missing attribute value", "Expected an attribute value, introduced by an equals sign (\"=\").", separator.Range),
                        TokenKind.Ident => Fail("Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.", separator.Range),
                        TokenKind.EndOfFile => Fail("Unterminated object constructor expression", "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", open.Range),
                        _ => Fail("Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value.", separator.Range),
                    };
                }

                var value = Expr();
                items.Add(new ObjectItem(key, value));
                next = _tokens.Peek();
                if (next.Kind is TokenKind.Comma or TokenKind.Newline)
                {
                    _tokens.Read();
                    continue;
                }

                if (next.Kind == TokenKind.CBrace)
                {
                    continue;
                }

                throw Fail("Missing attribute separator", "Expected a newline or comma to mark the beginning of the next attribute.", next.Range);
            }
        }
        catch (ParseAbortedException)
        {
            RecoverPast(openIndex);
            throw;
        }
        finally
        {
            _tokens.PopIncludeNewlines();
        }
    }

    private ForExpression ForExpr(Token open, bool isObject)
    {
        var closeKind = isObject ? TokenKind.CBrace : TokenKind.CBrack;
        _tokens.Read(); // for
        var first = _tokens.Read();
        string? keyVar = null;
        var valueVar = first.Text;
        if (_tokens.Peek().Kind == TokenKind.Comma)
        {
            _tokens.Read();
            var second = _tokens.Read();
            if (second.Kind != TokenKind.Ident)
            {
                throw Fail("Invalid 'for' expression", "For expression requires value variable name after comma.", second.Range);
            }

            keyVar = first.Text;
            valueVar = second.Text;
        }

        var inWord = _tokens.Read();
        if (inWord.Kind != TokenKind.Ident || inWord.Text != "in")
        {
            throw Fail("Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.", inWord.Range);
        }

        var collection = Expr();
        var colon = _tokens.Read();
        if (colon.Kind != TokenKind.Colon)
        {
            throw Fail("Invalid 'for' expression", "For expression requires a colon after the collection expression.", colon.Range);
        }

        Expression? keyResult = null;
        if (isObject)
        {
            keyResult = Expr();
            var arrow = _tokens.Read();
            if (arrow.Kind != TokenKind.FatArrow)
            {
                throw Fail("Invalid 'for' expression", "Key expression must be followed by an arrow (\"=>\").", arrow.Range);
            }
        }

        var valueResult = Expr();
        var group = false;
        if (_tokens.Peek().Kind == TokenKind.Ellipsis)
        {
            var ellipsis = _tokens.Read();
            if (!isObject)
            {
                throw Fail("Invalid 'for' expression", "Grouping ellipsis (...) cannot be used when building a tuple.", ellipsis.Range);
            }

            group = true;
        }

        Expression? condition = null;
        var next = _tokens.Peek();
        if (next.Kind == TokenKind.Ident && next.Text == "if")
        {
            _tokens.Read();
            condition = Expr();
        }

        var close = _tokens.Read();
        if (close.Kind != closeKind)
        {
            throw Fail("Invalid 'for' expression", isObject ? "Extra characters after the end of the 'for' expression." : "Extra characters after the end of the 'for' expression.", close.Range);
        }

        return new ForExpression(keyVar, valueVar, collection, keyResult, valueResult, condition, group, open.Range, SourceRange.Between(open.Range, close.Range));
    }
}
