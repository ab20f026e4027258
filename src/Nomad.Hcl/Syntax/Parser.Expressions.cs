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

    /// <summary>hclsyntax's parseTernaryConditional (ParseExpression).</summary>
    private Expression Expr()
    {
        var start = _tokens.Peek().Range;
        Enter(start);
        try
        {
            var mark = _diags.Count;
            var condition = Binary(0);
            if (_recovery && ErrorsSince(mark))
            {
                return condition;
            }

            if (_tokens.Peek().Kind != TokenKind.Question)
            {
                return condition;
            }

            _tokens.Read();
            mark = _diags.Count;
            var whenTrue = Expr();
            if (_recovery && ErrorsSince(mark))
            {
                return condition;
            }

            var colon = _tokens.Peek();
            if (colon.Kind != TokenKind.Colon)
            {
                Error("Missing false expression in conditional", "The conditional operator (...?...:...) requires a false expression, delimited by a colon.", colon.Range);
                return condition;
            }

            _tokens.Read();
            mark = _diags.Count;
            var whenFalse = Expr();
            if (_recovery && ErrorsSince(mark))
            {
                return condition;
            }

            return new ConditionalExpression(condition, whenTrue, whenFalse, SourceRange.Between(condition.Range, whenFalse.Range));
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>hclsyntax's parseBinaryOps: one precedence level, left-associative.</summary>
    private Expression Binary(int level)
    {
        if (level == Levels.Length)
        {
            return WithTraversals();
        }

        var mark = _diags.Count;
        var left = Binary(level + 1);
        if (_recovery && ErrorsSince(mark))
        {
            return left;
        }

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
                mark = _diags.Count;
                var right = Binary(level + 1);
                if (_recovery && ErrorsSince(mark))
                {
                    return left;
                }

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

    /// <summary>hclsyntax's parseExpressionWithTraversals: a term and the traversals after it.</summary>
    private Expression WithTraversals() => Traversals(Term());

    /// <summary>hclsyntax's parseExpressionTraversals.</summary>
    private Expression Traversals(Expression source)
    {
        while (true)
        {
            var next = _tokens.Peek();
            if (next.Kind == TokenKind.Dot)
            {
                var dot = _tokens.Read();
                var name = _tokens.Peek();
                switch (name.Kind)
                {
                    case TokenKind.Ident:
                        _tokens.Read();
                        source = new GetAttrExpression(source, name.Text, SourceRange.Between(dot.Range, name.Range), SourceRange.Between(source.Range, name.Range));
                        break;
                    case TokenKind.NumberLit:
                        _tokens.Read();
                        source = new IndexExpression(source, LegacyIndex(name, splat: false), SourceRange.Between(dot.Range, name.Range), SourceRange.Between(source.Range, name.Range));
                        break;
                    case TokenKind.Star:
                        {
                            var marker = _tokens.Read();
                            if (AttributeSplat(source, dot, marker, name) is { } splat)
                            {
                                source = splat;
                            }

                            break;
                        }

                    default:
                        Error("Invalid attribute name", "An attribute name is required after a dot.", name.Range);
                        SetRecovery();
                        break;
                }

                continue;
            }

            if (next.Kind == TokenKind.OBrack)
            {
                var open = _tokens.Read();
                if (_tokens.Peek().Kind == TokenKind.Star)
                {
                    _tokens.Read();
                    var close = _tokens.Read();
                    if (close.Kind != TokenKind.CBrack && !_recovery)
                    {
                        // The diagnostic's subject is the variable recover() reassigns: the token recovery stops at.
                        close = Recover(TokenKind.CBrack);
                        Error("Missing close bracket on splat index", "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").", close.Range);
                    }

                    var item = new AnonymousSymbolExpression(SourceRange.Between(open.Range, close.Range));
                    var each = Traversals(item);
                    source = new SplatExpression(source, each, item, item.Range, SourceRange.Between(source.Range, each.Range));
                    continue;
                }

                _tokens.PushIncludeNewlines(false);
                var mark = _diags.Count;
                var key = Expr();
                Token end;
                if (_recovery && ErrorsSince(mark))
                {
                    end = Recover(TokenKind.CBrack);
                }
                else
                {
                    end = _tokens.Read();
                    if (end.Kind != TokenKind.CBrack && !_recovery)
                    {
                        end = Recover(TokenKind.CBrack);
                        Error("Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").", end.Range);
                    }
                }

                _tokens.PopIncludeNewlines();
                source = new IndexExpression(source, key, SourceRange.Between(open.Range, end.Range), SourceRange.Between(source.Range, end.Range));
                continue;
            }

            return source;
        }
    }

    /// <summary>A legacy index <c>a.0</c>: "a.0.1" scans as the number "0.1", which hclsyntax refuses.</summary>
    private LiteralExpression LegacyIndex(Token number, bool splat)
    {
        var dotAt = number.Text.IndexOf('.', StringComparison.Ordinal);
        if (dotAt >= 0)
        {
            var proper = splat ? "Use the proper index syntax with a full splat expression [*] instead" : "Use the proper index syntax instead";
            Error("Invalid legacy index syntax", $"When using the legacy index syntax, chaining two indexes together is not permitted. {proper}, like [{number.Text[..dotAt]}][{number.Text[(dotAt + 1)..]}].", number.Range);
            return new LiteralExpression(HclValue.DynamicUnknown, number.Range);
        }

        return NumberLiteral(number);
    }

    /// <summary>hclsyntax's numberLitValue: an invalid literal is an error, but parsing goes on without recovery.</summary>
    private LiteralExpression NumberLiteral(Token number)
    {
        if (!HclValue.TryParseNumber(number.Text, out var value))
        {
            Error("Invalid number literal", "Failed to recognize the value of this number literal.", number.Range);
            return new LiteralExpression(HclValue.DynamicUnknown, number.Range);
        }

        return new LiteralExpression(value, number.Range);
    }

    /// <summary>
    /// hclsyntax's attribute-only splat <c>.*</c>: attribute names and legacy indexes only; anything else after a dot
    /// drops the splat (null) in recovery mode, as hclsyntax's <c>continue Traversal</c> does.
    /// </summary>
    private SplatExpression? AttributeSplat(Expression source, Token dot, Token marker, Token star)
    {
        var item = new AnonymousSymbolExpression(SourceRange.Between(dot.Range, marker.Range));
        Expression each = item;
        while (_tokens.Peek().Kind == TokenKind.Dot)
        {
            var stepDot = _tokens.Read();
            var name = _tokens.Peek();
            if (name.Kind == TokenKind.NumberLit)
            {
                _tokens.Read();
                each = new IndexExpression(each, LegacyIndexInSplat(name, star), SourceRange.Between(stepDot.Range, name.Range), SourceRange.Between(each.Range, name.Range));
                continue;
            }

            if (name.Kind != TokenKind.Ident)
            {
                if (!_recovery)
                {
                    if (name.Kind == TokenKind.Star)
                    {
                        Error("Nested splat expression not allowed", "A splat expression (*) cannot be used inside another attribute-only splat expression.", name.Range);
                    }
                    else
                    {
                        Error("Invalid attribute name", "An attribute name is required after a dot.", star.Range);
                    }
                }

                SetRecovery();
                return null;
            }

            _tokens.Read();
            each = new GetAttrExpression(each, name.Text, SourceRange.Between(stepDot.Range, name.Range), SourceRange.Between(each.Range, name.Range));
        }

        return new SplatExpression(source, each, item, item.Range, SourceRange.Between(source.Range, each.Range));
    }

    // hclsyntax reports "a.*.b.0.1" at the splat's star (its diagnostic names the outer attrTok).
    private LiteralExpression LegacyIndexInSplat(Token number, Token star)
    {
        var dotAt = number.Text.IndexOf('.', StringComparison.Ordinal);
        if (dotAt >= 0)
        {
            Error("Invalid legacy index syntax", $"When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax with a full splat expression [*] instead, like [{number.Text[..dotAt]}][{number.Text[(dotAt + 1)..]}].", star.Range);
            return new LiteralExpression(HclValue.DynamicUnknown, number.Range);
        }

        return NumberLiteral(number);
    }

    /// <summary>hclsyntax's parseExpressionTerm.</summary>
    private Expression Term()
    {
        var start = _tokens.Peek();
        switch (start.Kind)
        {
            case TokenKind.OParen:
                {
                    _tokens.Read();
                    _tokens.PushIncludeNewlines(false);
                    var mark = _diags.Count;
                    var inner = Expr();
                    if (ErrorsSince(mark))
                    {
                        Recover(TokenKind.CParen);
                        _tokens.PopIncludeNewlines();
                        return inner;
                    }

                    var close = _tokens.Peek();
                    if (close.Kind != TokenKind.CParen)
                    {
                        Error("Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.", close.Range);
                        SetRecovery();
                    }

                    var cParen = _tokens.Read();
                    _tokens.PopIncludeNewlines();
                    return new ParenthesesExpression(inner, SourceRange.Between(start.Range, cParen.Range));
                }

            case TokenKind.NumberLit:
                _tokens.Read();
                return NumberLiteral(start);

            case TokenKind.Ident:
                _tokens.Read();
                if (_tokens.Peek().Kind is TokenKind.OParen or TokenKind.DoubleColon)
                {
                    return FunctionCall(start);
                }

                switch (start.Text)
                {
                    case "true": return new LiteralExpression(HclValue.True, start.Range);
                    case "false": return new LiteralExpression(HclValue.False, start.Range);
                    case "null": return new LiteralExpression(HclValue.Null, start.Range);
                }

                return new VariableExpression(start.Text, start.Range);

            case TokenKind.OQuote or TokenKind.OHeredoc:
                return Template();

            case TokenKind.Minus or TokenKind.Bang:
                {
                    _tokens.Read();
                    Enter(start.Range);
                    var operand = WithTraversals();
                    Leave();
                    // Not folded into a literal, even for "-1": hclsyntax keeps a UnaryOpExpr, whose start range (what value
                    // errors point at) is the operator alone.
                    return new UnaryExpression(start.Kind == TokenKind.Minus, operand, SourceRange.Between(start.Range, operand.Range));
                }

            case TokenKind.OBrack:
                return TupleOrFor();

            case TokenKind.OBrace:
                return ObjectOrFor();

            default:
                if (!_recovery)
                {
                    if (start.Kind == TokenKind.EndOfFile)
                    {
                        Error("Missing expression", "Expected the start of an expression, but found the end of the file.", start.Range);
                    }
                    else
                    {
                        Error("Invalid expression", "Expected the start of an expression, but found an invalid expression token.", start.Range);
                    }
                }

                // A placeholder; the token is left for the caller.
                SetRecovery();
                return new LiteralExpression(HclValue.DynamicUnknown, start.Range);
        }
    }

    /// <summary>hclsyntax's finishParsingFunctionCall, the name read and "(" or "::" next.</summary>
    private Expression FunctionCall(Token name)
    {
        var open = _tokens.Read();
        var fullName = name.Text;
        var nameRange = name.Range;
        while (open.Kind == TokenKind.DoubleColon)
        {
            // A namespaced name: the parts joined with "::" (hclsyntax keeps it one string).
            var part = _tokens.Read();
            if (part.Kind != TokenKind.Ident)
            {
                Error("Missing function name", "Function scope resolution symbol :: must be followed by a function name in this scope.", part.Range);
                RecoverOver(TokenKind.OParen);
                return new LiteralExpression(HclValue.DynamicUnknown, SourceRange.Between(name.Range, part.Range));
            }

            fullName += "::" + part.Text;
            nameRange = SourceRange.Between(name.Range, part.Range);
            open = _tokens.Read();
        }

        if (open.Kind != TokenKind.OParen)
        {
            Error("Missing open parenthesis", "Function selector must be followed by an open parenthesis to begin the function call.", open.Range);
            RecoverOver(TokenKind.OParen);
            return new LiteralExpression(HclValue.DynamicUnknown, SourceRange.Between(name.Range, open.Range));
        }

        var args = new List<Expression>();
        var expand = false;
        // hclsyntax leaves the close range empty when recovery finds no ")"; the open parenthesis stands in here.
        Token? close = null;
        _tokens.PushIncludeNewlines(false);
        while (true)
        {
            var next = _tokens.Peek();
            if (next.Kind == TokenKind.CParen)
            {
                close = _tokens.Read();
                break;
            }

            var mark = _diags.Count;
            args.Add(Expr());
            if (_recovery && ErrorsSince(mark))
            {
                var recovered = Recover(TokenKind.CParen);
                if (recovered.Kind == TokenKind.CParen)
                {
                    close = recovered;
                }

                break;
            }

            var separator = _tokens.Read();
            if (separator.Kind == TokenKind.CParen)
            {
                close = separator;
                break;
            }

            if (separator.Kind == TokenKind.Ellipsis)
            {
                expand = true;
                if (_tokens.Peek().Kind != TokenKind.CParen)
                {
                    if (!_recovery)
                    {
                        Error("Missing closing parenthesis", "An expanded function argument (with ...) must be immediately followed by closing parentheses.", separator.Range);
                    }

                    close = Recover(TokenKind.CParen);
                }
                else
                {
                    close = _tokens.Read();
                }

                break;
            }

            if (separator.Kind != TokenKind.Comma)
            {
                if (separator.Kind == TokenKind.EndOfFile)
                {
                    Error("Unterminated function call", "There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.", SourceRange.Between(name.Range, open.Range));
                }
                else
                {
                    Error("Missing argument separator", "A comma is required to separate each function argument from the next.", separator.Range);
                }

                close = Recover(TokenKind.CParen);
                break;
            }

            if (_tokens.Peek().Kind == TokenKind.CParen)
            {
                close = _tokens.Read();
                break;
            }
        }

        _tokens.PopIncludeNewlines();
        var closeRange = close?.Range ?? open.Range;
        return new FunctionCallExpression(fullName, args, expand, nameRange, open.Range, closeRange, SourceRange.Between(name.Range, closeRange));
    }

    private bool ForKeywordNext()
    {
        var next = _tokens.Peek();
        return next.Kind == TokenKind.Ident && next.Text == "for";
    }

    /// <summary>hclsyntax's parseTupleCons.</summary>
    private Expression TupleOrFor()
    {
        var open = _tokens.Read();
        _tokens.PushIncludeNewlines(false);
        try
        {
            if (ForKeywordNext())
            {
                return ForExpr(open, isObject: false);
            }

            var items = new List<Expression>();
            Token close;
            while (true)
            {
                var next = _tokens.Peek();
                if (next.Kind == TokenKind.CBrack)
                {
                    close = _tokens.Read();
                    break;
                }

                var mark = _diags.Count;
                items.Add(Expr());
                if (_recovery && ErrorsSince(mark))
                {
                    close = Recover(TokenKind.CBrack);
                    break;
                }

                next = _tokens.Peek();
                if (next.Kind == TokenKind.CBrack)
                {
                    close = _tokens.Read();
                    break;
                }

                if (next.Kind != TokenKind.Comma)
                {
                    if (!_recovery)
                    {
                        if (next.Kind == TokenKind.EndOfFile)
                        {
                            Error("Unterminated tuple constructor expression", "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.", open.Range);
                        }
                        else
                        {
                            Error("Missing item separator", "Expected a comma to mark the beginning of the next item.", next.Range);
                        }
                    }

                    close = Recover(TokenKind.CBrack);
                    break;
                }

                _tokens.Read(); // comma
            }

            return new TupleExpression(items, SourceRange.Between(open.Range, close.Range));
        }
        finally
        {
            _tokens.PopIncludeNewlines();
        }
    }

    /// <summary>hclsyntax's parseObjectCons.</summary>
    private Expression ObjectOrFor()
    {
        var open = _tokens.Read();
        _tokens.PushIncludeNewlines(false);
        var isFor = ForKeywordNext();
        _tokens.PopIncludeNewlines();
        if (isFor)
        {
            return ForExpr(open, isObject: true);
        }

        _tokens.PushIncludeNewlines(true);
        try
        {
            var items = new List<ObjectItem>();
            Token close;
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
                    close = _tokens.Read();
                    break;
                }

                var forceNonLiteral = next.Kind == TokenKind.OParen;
                var mark = _diags.Count;
                var keyExpr = Expr();
                if (_recovery && ErrorsSince(mark))
                {
                    close = Recover(TokenKind.CBrace);
                    break;
                }

                var key = new ObjectKeyExpression(keyExpr, forceNonLiteral, keyExpr.Range);
                next = _tokens.Peek();
                if (next.Kind is not (TokenKind.Equal or TokenKind.Colon))
                {
                    if (!_recovery)
                    {
                        switch (next.Kind)
                        {
                            case TokenKind.Newline or TokenKind.Comma:
                                Error("Missing attribute value", "Expected an attribute value, introduced by an equals sign (\"=\").", next.Range);
                                break;
                            case TokenKind.Ident:
                                Error("Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.", next.Range);
                                break;
                            case TokenKind.EndOfFile:
                                Error("Unterminated object constructor expression", "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", open.Range);
                                break;
                            default:
                                Error("Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value.", next.Range);
                                break;
                        }
                    }

                    close = Recover(TokenKind.CBrace);
                    break;
                }

                _tokens.Read(); // '=' or ':'
                mark = _diags.Count;
                var value = Expr();
                if (_recovery && ErrorsSince(mark))
                {
                    close = Recover(TokenKind.CBrace);
                    break;
                }

                items.Add(new ObjectItem(key, value));
                next = _tokens.Peek();
                if (next.Kind == TokenKind.CBrace)
                {
                    close = _tokens.Read();
                    break;
                }

                if (next.Kind is not (TokenKind.Comma or TokenKind.Newline))
                {
                    if (!_recovery)
                    {
                        if (next.Kind == TokenKind.EndOfFile)
                        {
                            Error("Unterminated object constructor expression", "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", open.Range);
                        }
                        else
                        {
                            Error("Missing attribute separator", "Expected a newline or comma to mark the beginning of the next attribute.", next.Range);
                        }
                    }

                    close = Recover(TokenKind.CBrace);
                    break;
                }

                _tokens.Read(); // ',' or newline
            }

            return new ObjectExpression(items, SourceRange.Between(open.Range, close.Range));
        }
        finally
        {
            _tokens.PopIncludeNewlines();
        }
    }

    /// <summary>hclsyntax's finishParsingForExpr, "for" next.</summary>
    private Expression ForExpr(Token open, bool isObject)
    {
        var closeKind = isObject ? TokenKind.CBrace : TokenKind.CBrack;
        _tokens.PushIncludeNewlines(false);
        try
        {
            _tokens.Read(); // for
            Expression Failed(string detail)
            {
                if (!_recovery)
                {
                    Error("Invalid 'for' expression", detail, _tokens.Peek().Range);
                }

                var close = Recover(closeKind);
                return new LiteralExpression(HclValue.DynamicUnknown, SourceRange.Between(open.Range, close.Range));
            }

            if (_tokens.Peek().Kind != TokenKind.Ident)
            {
                return Failed("For expression requires variable name after 'for'.");
            }

            string? keyVar = null;
            var valueVar = _tokens.Read().Text;
            if (_tokens.Peek().Kind == TokenKind.Comma)
            {
                keyVar = valueVar;
                _tokens.Read();
                if (_tokens.Peek().Kind != TokenKind.Ident)
                {
                    return Failed("For expression requires value variable name after comma.");
                }

                valueVar = _tokens.Read().Text;
            }

            var inWord = _tokens.Peek();
            if (inWord.Kind != TokenKind.Ident || inWord.Text != "in")
            {
                return Failed("For expression requires the 'in' keyword after its name declarations.");
            }

            _tokens.Read();
            var mark = _diags.Count;
            var collection = Expr();
            if (_recovery && ErrorsSince(mark))
            {
                var close = Recover(closeKind);
                return new LiteralExpression(HclValue.DynamicUnknown, SourceRange.Between(open.Range, close.Range));
            }

            if (_tokens.Peek().Kind != TokenKind.Colon)
            {
                return Failed("For expression requires a colon after the collection expression.");
            }

            _tokens.Read();
            mark = _diags.Count;
            Expression? keyResult = null;
            var valueResult = Expr();
            if (_tokens.Peek().Kind == TokenKind.FatArrow)
            {
                _tokens.Read();
                keyResult = valueResult;
                valueResult = Expr();
            }

            if (_recovery && ErrorsSince(mark))
            {
                var close = Recover(closeKind);
                return new LiteralExpression(HclValue.DynamicUnknown, SourceRange.Between(open.Range, close.Range));
            }

            var group = false;
            Token ellipsis = default;
            if (_tokens.Peek().Kind == TokenKind.Ellipsis)
            {
                ellipsis = _tokens.Read();
                group = true;
            }

            Expression? condition = null;
            var next = _tokens.Peek();
            if (next.Kind == TokenKind.Ident && next.Text == "if")
            {
                _tokens.Read();
                mark = _diags.Count;
                condition = Expr();
                if (_recovery && ErrorsSince(mark))
                {
                    var close = Recover(closeKind);
                    return new LiteralExpression(HclValue.DynamicUnknown, SourceRange.Between(open.Range, close.Range));
                }
            }

            Token closeToken;
            if (_tokens.Peek().Kind == closeKind)
            {
                closeToken = _tokens.Read();
            }
            else
            {
                if (!_recovery)
                {
                    Error("Invalid 'for' expression", "Extra characters after the end of the 'for' expression.", _tokens.Peek().Range);
                }

                closeToken = Recover(closeKind);
            }

            if (!isObject)
            {
                if (keyResult is not null)
                {
                    Error("Invalid 'for' expression", "Key expression is not valid when building a tuple.", keyResult.Range);
                }

                if (group)
                {
                    Error("Invalid 'for' expression", "Grouping ellipsis (...) cannot be used when building a tuple.", ellipsis.Range);
                }
            }
            else if (keyResult is null)
            {
                Error("Invalid 'for' expression", "Key expression is required when building an object.", valueResult.Range);
            }

            return new ForExpression(keyVar, valueVar, collection, keyResult, valueResult, condition, group, open.Range, SourceRange.Between(open.Range, closeToken.Range));
        }
        finally
        {
            _tokens.PopIncludeNewlines();
        }
    }
}
