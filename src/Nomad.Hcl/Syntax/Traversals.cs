namespace Nomad.Hcl.Syntax;

/// <summary>
/// hclsyntax's <c>Variables</c>: the absolute traversals an expression refers to, in walk order. A traversal is a name
/// followed by attributes and literal index keys (quoted ones too); a for expression's own names are left out inside
/// it, and an object key that is a bare name is a literal, not a reference.
/// </summary>
public static class Traversals
{
    /// <summary>One traversal: its root name, the expression covering all its steps, and its steps after the root.</summary>
    public sealed record Traversal(VariableExpression Root, Expression Whole, IReadOnlyList<Expression> Steps);

    /// <summary>The traversals of <paramref name="expression"/>.</summary>
    public static IReadOnlyList<Traversal> Of(Expression expression)
    {
        var found = new List<Traversal>();
        Walk(expression, new HashSet<string>(StringComparer.Ordinal), found);
        return found;
    }

    private static void Walk(Expression? expression, IReadOnlySet<string> locals, List<Traversal> found)
    {
        if (expression is null)
        {
            return;
        }

        if (AsTraversal(expression) is { } traversal)
        {
            if (!locals.Contains(traversal.Root.Name))
            {
                found.Add(traversal);
            }

            return;
        }

        switch (expression)
        {
            case FunctionCallExpression call:
                call.Arguments.ToList().ForEach(a => Walk(a, locals, found));
                break;
            case BinaryExpression binary:
                Walk(binary.Left, locals, found);
                Walk(binary.Right, locals, found);
                break;
            case UnaryExpression unary:
                Walk(unary.Operand, locals, found);
                break;
            case ConditionalExpression conditional:
                Walk(conditional.Condition, locals, found);
                Walk(conditional.TrueResult, locals, found);
                Walk(conditional.FalseResult, locals, found);
                break;
            case ForExpression loop:
                Walk(loop.Collection, locals, found);
                var inner = new HashSet<string>(locals, StringComparer.Ordinal) { loop.ValueVariable };
                if (loop.KeyVariable is { } keyName)
                {
                    inner.Add(keyName);
                }

                Walk(loop.KeyResult, inner, found);
                Walk(loop.ValueResult, inner, found);
                Walk(loop.Condition, inner, found);
                break;
            case GetAttrExpression getAttr:
                Walk(getAttr.Source, locals, found);
                break;
            case IndexExpression index:
                Walk(index.Source, locals, found);
                Walk(index.Key, locals, found);
                break;
            case SplatExpression splat:
                Walk(splat.Source, locals, found);
                Walk(splat.Each, locals, found);
                break;
            case ObjectExpression obj:
                foreach (var item in obj.Items)
                {
                    Walk(item.Key, locals, found);
                    Walk(item.Value, locals, found);
                }

                break;
            case ObjectKeyExpression key:
                if (key.ForceNonLiteral || key.Wrapped is not VariableExpression)
                {
                    Walk(key.Wrapped, locals, found);
                }

                break;
            case ParenthesesExpression parentheses:
                Walk(parentheses.Inner, locals, found);
                break;
            case TemplateExpression template:
                template.Parts.ToList().ForEach(p => Walk(p, locals, found));
                break;
            case TemplateJoinExpression join:
                Walk(join.Tuple, locals, found);
                break;
            case TemplateWrapExpression wrap:
                Walk(wrap.Wrapped, locals, found);
                break;
            case TupleExpression tuple:
                tuple.Items.ToList().ForEach(i => Walk(i, locals, found));
                break;
        }
    }

    // A chain of attributes and literal keys down to a name, as the parser makes one ScopeTraversalExpr of it.
    private static Traversal? AsTraversal(Expression expression)
    {
        var steps = new List<Expression>();
        var node = expression;
        while (true)
        {
            switch (node)
            {
                case VariableExpression root:
                    steps.Reverse();
                    return new Traversal(root, expression, steps);
                case GetAttrExpression getAttr:
                    steps.Add(getAttr);
                    node = getAttr.Source;
                    continue;
                case IndexExpression { Key: LiteralExpression or TemplateExpression { Parts: [LiteralExpression] } } index:
                    steps.Add(index);
                    node = index.Source;
                    continue;
                default:
                    return null;
            }
        }
    }
}
