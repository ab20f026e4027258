using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// HCL's <c>typeexpr</c> (ext/typeexpr/get_type.go, hcl v2.20.2-nomad-1): reads a type such as
/// <c>list(object({ name = string }))</c>. A type constraint (<c>TypeConstraint</c>, as the <c>convert</c> function
/// reads its second argument) allows <c>any</c> and <c>optional(T)</c> attributes; an exact type (<c>typeexpr.Type</c>,
/// as jobspec2 reads a variable's <c>type</c>) refuses both.
/// </summary>
public static class TypeExpression
{
    private const string ObjectArgument = "The object type constructor requires one argument specifying the attribute types and values as a map.";
    private const string TupleArgument = "The tuple type constructor requires one argument specifying the element types as a list.";

    private static EvaluationException Error(string detail, SourceRange range) => new(new HclDiagnostic("Invalid type specification", detail, range));

    /// <summary>
    /// The type an expression names, or throws <see cref="EvaluationException"/> with the first of typeexpr's diagnostics.
    /// An <c>optional(T)</c> attribute reads as <c>T</c>: cty's conversion in the <c>convert</c> function still requires it,
    /// as Nomad's answers show.
    /// </summary>
    public static HclType Read(Expression expression, bool constraint = true)
    {
        switch (Keyword(expression))
        {
            case "bool": return HclType.Bool;
            case "string": return HclType.String;
            case "number": return HclType.Number;
            case "any":
                return constraint ? HclType.Dynamic
                    : throw Error("The keyword \"any\" cannot be used in this type specification: an exact type is required.", expression.Range);
            case "list" or "map" or "set":
                throw Error($"The {Keyword(expression)} type constructor requires one argument specifying the element type.", expression.Range);
            case "object": throw Error(ObjectArgument, expression.Range);
            case "tuple": throw Error(TupleArgument, expression.Range);
            case { } other: throw Error($"The keyword \"{other}\" is not a valid type specification.", expression.Range);
        }

        if (expression is not FunctionCallExpression call)
        {
            throw Error("A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).", expression.Range);
        }

        var argsRange = SourceRange.Between(call.OpenParenRange, call.CloseParenRange);
        switch (call.Name)
        {
            case "bool" or "string" or "number":
                throw Error($"Primitive type keyword \"{call.Name}\" does not expect arguments.", argsRange);
            case "any":
                throw Error($"Type constraint keyword \"{call.Name}\" does not expect arguments.", argsRange);
        }

        if (call.Arguments.Count != 1 && call.Name is "list" or "set" or "map" or "object" or "tuple")
        {
            var subject = call.Arguments.Count > 1 ? SourceRange.Between(call.Arguments[1].Range, call.Arguments[^1].Range) : argsRange;
            throw Error(
                call.Name switch
                {
                    "object" => ObjectArgument,
                    "tuple" => TupleArgument,
                    _ => $"The {call.Name} type constructor requires one argument specifying the element type.",
                },
                subject);
        }

        switch (call.Name)
        {
            case "list": return HclType.List(Read(call.Arguments[0], constraint));
            case "set": return HclType.Set(Read(call.Arguments[0], constraint));
            case "map": return HclType.Map(Read(call.Arguments[0], constraint));
            case "object": return ReadObject(call.Arguments[0], constraint);
            case "tuple":
                if (call.Arguments[0] is not TupleExpression tuple)
                {
                    throw Error("Tuple type constructor requires a list of element types.", call.Arguments[0].Range);
                }

                {
                    var errors = new List<HclDiagnostic>();
                    var elements = new List<HclType>();
                    foreach (var item in tuple.Items)
                    {
                        try
                        {
                            elements.Add(Read(item, constraint));
                        }
                        catch (EvaluationException e)
                        {
                            errors.AddRange(e.Diagnostics);
                        }
                    }

                    return errors.Count == 0 ? HclType.Tuple(elements) : throw new EvaluationException(errors, HclValue.DynamicUnknown);
                }
            case "optional":
                throw Error($"Keyword \"{call.Name}\" is valid only as a modifier for object type attributes.", call.NameRange);
            default:
                throw Error($"Keyword \"{call.Name}\" is not a valid type constructor.", call.Range);
        }
    }

    private static HclType ReadObject(Expression argument, bool constraint)
    {
        if (argument is not ObjectExpression obj)
        {
            throw Error("Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.", argument.Range);
        }

        var attributes = new SortedDictionary<string, HclType>(StringComparer.Ordinal);
        // typeexpr's getType records each attribute's errors and goes on with the next.
        var errors = new List<HclDiagnostic>();
        foreach (var item in obj.Items)
        {
            try
            {
                ReadAttribute(item);
            }
            catch (EvaluationException e)
            {
                errors.AddRange(e.Diagnostics);
            }
        }

        if (errors.Count > 0)
        {
            throw new EvaluationException(errors, HclValue.DynamicUnknown);
        }

        void ReadAttribute(ObjectItem item)
        {
            // hcl.ExprAsKeyword: a bare name only (a quoted key is not one).
            var key = Keyword(item.Key) ?? throw Error("Object constructor map keys must be attribute names.", item.Key.Range);
            if (attributes.ContainsKey(key))
            {
                throw Error("Object constructor map keys must be unique.", item.Key.Range);
            }

            var typeExpression = item.Value;
            if (typeExpression is FunctionCallExpression { Name: "optional" } optional)
            {
                var argsRange = SourceRange.Between(optional.OpenParenRange, optional.CloseParenRange);
                if (optional.Arguments.Count < 1)
                {
                    throw Error("Optional attribute modifier requires the attribute type as its argument.", argsRange);
                }

                if (!constraint)
                {
                    throw Error("Optional attribute modifier is only for type constraints, not for exact types.", optional.NameRange);
                }

                if (optional.Arguments.Count > 1)
                {
                    throw Error("Optional attribute modifier expects only one argument: the attribute type.", argsRange);
                }

                typeExpression = optional.Arguments[0];
            }

            attributes[key] = Read(typeExpression, constraint);
        }

        return HclType.Object(attributes);
    }

    // hcl.ExprAsKeyword: a lone name (also through an object key's wrapper), or null, true, false.
    private static string? Keyword(Expression expression) => expression switch
    {
        VariableExpression v => v.Name,
        ObjectKeyExpression { Wrapped: var wrapped } => Keyword(wrapped),
        LiteralExpression { Value: var value } when value.IsNull => "null",
        LiteralExpression { Value: var value } when value.Type.Kind == HclTypeKind.Bool => value.AsBool() ? "true" : "false",
        _ => null,
    };
}
