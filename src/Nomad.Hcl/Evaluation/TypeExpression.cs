using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Evaluation;

/// <summary>HCL's <c>typeexpr</c>: reads a type constraint such as <c>list(object({ name = string }))</c>.</summary>
public static class TypeExpression
{
    private static EvaluationException Error(string detail, SourceRange range) => new(new HclDiagnostic("Invalid type specification", detail, range));

    /// <summary>The type an expression names, or throws <see cref="EvaluationException"/>.</summary>
    public static HclType Read(Expression expression)
    {
        switch (expression)
        {
            case VariableExpression v:
                return v.Name switch
                {
                    "string" => HclType.String,
                    "number" => HclType.Number,
                    "bool" => HclType.Bool,
                    "any" => HclType.Dynamic,
                    "list" or "map" or "set" => throw Error($"The {v.Name} type constructor requires one argument specifying the element type.", v.Range),
                    "object" => throw Error("The object type constructor requires one argument specifying the attribute types as a map.", v.Range),
                    "tuple" => throw Error("The tuple type constructor requires one argument specifying the element types as a list.", v.Range),
                    _ => throw Error($"The keyword \"{v.Name}\" is not a valid type specification.", v.Range),
                };
            case FunctionCallExpression call:
                if (call.Arguments.Count != 1)
                {
                    throw Error($"The {call.Name} type constructor requires one argument.", call.Range);
                }

                var arg = call.Arguments[0];
                switch (call.Name)
                {
                    case "list": return HclType.List(Read(arg));
                    case "set": return HclType.Set(Read(arg));
                    case "map": return HclType.Map(Read(arg));
                    case "object":
                        if (arg is not ObjectExpression obj)
                        {
                            throw Error("Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.", arg.Range);
                        }

                        var attributes = new SortedDictionary<string, HclType>(StringComparer.Ordinal);
                        foreach (var item in obj.Items)
                        {
                            var key = item.Key is ObjectKeyExpression { Wrapped: VariableExpression name } ? name.Name
                                : item.Key is ObjectKeyExpression { Wrapped: TemplateExpression { Parts: [LiteralExpression lit] } } ? lit.Value.AsString()
                                : throw Error("Object constructor map keys must be attribute names.", item.Key.Range);
                            if (attributes.ContainsKey(key))
                            {
                                throw Error("Object constructor map keys must be unique.", item.Key.Range);
                            }

                            attributes[key] = Read(item.Value);
                        }

                        return HclType.Object(attributes);
                    case "tuple":
                        if (arg is not TupleExpression tuple)
                        {
                            throw Error("The tuple type constructor requires a list of element types.", arg.Range);
                        }

                        return HclType.Tuple([.. tuple.Items.Select(Read)]);
                    default:
                        throw Error($"Keyword \"{call.Name}\" is not a valid type constructor.", call.Range);
                }

            case LiteralExpression { Value: var keyword } when keyword.IsNull || keyword.Type.Kind == HclTypeKind.Bool:
                // typeexpr reads the keywords null, true and false as names (hcl.ExprAsKeyword).
                throw Error($"The keyword \"{(keyword.IsNull ? "null" : keyword.AsBool() ? "true" : "false")}\" is not a valid type specification.", expression.Range);
            default:
                throw Error("A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).", expression.Range);
        }
    }
}
