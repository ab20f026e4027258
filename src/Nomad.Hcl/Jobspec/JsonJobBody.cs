using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Syntax;
using Nomad.Hcl.Syntax.Json;

namespace Nomad.Hcl.Jobspec;

/// <summary>
/// A JSON-syntax job file read into the bodies the decoders read, each JSON body against the schema Nomad reads it with
/// (jobspec2's jobConfigSchema, variable and validation schemas; gohcl's schema of each api struct with jobspec2's
/// meta/env arguments and its vault/secret/task/scaling blocks; dynblock's <c>dynamic</c>; JustAttributes for locals,
/// variables and map-typed blocks such as <c>config</c>). Each body carries hcl's Content errors for the decoders to
/// report where Nomad does (<see cref="Body.JsonContentErrors"/>). Strings are templates where Nomad evaluates with a
/// context, literal in variable defaults, descriptions, <c>variables</c> values and validation messages.
/// </summary>
internal static class JsonJobBody
{
    private static readonly IReadOnlyList<string> NoLabels = [];
    private static readonly IReadOnlyList<string> NameLabel = ["name"];

    private static readonly JsonBodySchema RootSchema = new([], [("variables", NoLabels), ("variable", NameLabel), ("locals", NoLabels), ("job", NameLabel)]);

    private static readonly JsonBodySchema VariableSchema = new([("description", false), ("default", false), ("type", false)], [("validation", NoLabels)]);

    private static readonly JsonBodySchema ValidationSchema = new([("condition", true), ("error_message", true)], []);

    /// <summary>The root body: variables, variable, locals and job blocks; its Content errors on the body.</summary>
    public static Body Read(JsonSyntax.Node root)
    {
        var errors = new List<HclDiagnostic>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var (_, blocks) = JsonBody.PartialContent(root, RootSchema, used, template: false, errors);
        JsonBody.Leftovers(root, RootSchema, used, errors);
        var result = new List<Block>();
        foreach (var block in blocks)
        {
            result.Add(ToBlock(block, block.Type switch
            {
                "variables" => AttributesBody(block.Value, template: false),
                "locals" => AttributesBody(block.Value, template: true),
                "variable" => VariableBody(block.Value),
                _ => StructBody(block.Value, "Job"),
            }));
        }

        return new Body([], result, root.Range) { JsonContentErrors = errors, JsonMissingItemRange = JsonBody.MissingItemRange(root) };
    }

    private static Block ToBlock(JsonBlock block, Body body) =>
        new(block.Type, block.Labels, block.LabelRanges, body, block.TypeRange, block.DefRange, SourceRange.Between(block.TypeRange, block.Value.Range)) { JsonDefRange = block.DefRange };

    private static Body MakeBody(JsonSyntax.Node value, List<Syntax.Attribute> attributes, List<Block> blocks, List<HclDiagnostic> errors) =>
        new(attributes, blocks, value.Range) { JsonContentErrors = errors, JsonMissingItemRange = JsonBody.MissingItemRange(value) };

    /// <summary>A body read with JustAttributes (hcl json: only an object; <c>"//"</c> skipped; a repeated name an error).</summary>
    private static Body AttributesBody(JsonSyntax.Node value, bool template)
    {
        var errors = new List<HclDiagnostic>();
        return MakeBody(value, JsonBody.JustAttributes(value, template, errors), [], errors);
    }

    /// <summary>jobspec2's variable block: description and default evaluated without a context, type read as a type expression.</summary>
    private static Body VariableBody(JsonSyntax.Node value)
    {
        var errors = new List<HclDiagnostic>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var (attributes, blocks) = JsonBody.PartialContent(value, VariableSchema, used, template: false, errors);
        JsonBody.Leftovers(value, VariableSchema, used, errors);
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i] is { Name: "type", Expression: LiteralExpression { Value: var other } otherLiteral } && other.Type.Kind != Evaluation.HclTypeKind.String)
            {
                // Not a string: neither a keyword nor a call for typeexpr.
                attributes[i] = attributes[i] with { Expression = new FailedExpression([new HclDiagnostic("Invalid type specification", "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).", otherLiteral.Range)], otherLiteral.Range) };
            }
            else if (attributes[i] is { Name: "type", Expression: TupleExpression or ObjectExpression } compound)
            {
                attributes[i] = attributes[i] with { Expression = new FailedExpression([new HclDiagnostic("Invalid type specification", "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).", compound.Expression.Range)], compound.Expression.Range) };
            }
            else if (attributes[i] is { Name: "type", Expression: LiteralExpression { Value: var text } literal } && text.Type.Kind == Evaluation.HclTypeKind.String)
            {
                // typeexpr reads a JSON string as native syntax (AbsTraversalForExpr, ExprCall) from its opening quote;
                // a bare keyword is reported over the whole string.
                var parsed = Parser.ParseExpression(text.AsString(), literal.Range.FileName, literal.Range.Start, new DiagnosticBag());
                attributes[i] = attributes[i] with { Expression = parsed is VariableExpression keyword ? keyword with { Range = literal.Range } : parsed ?? literal };
            }
        }

        var result = new List<Block>();
        foreach (var block in blocks)
        {
            var validationErrors = new List<HclDiagnostic>();
            var validationUsed = new HashSet<string>(StringComparer.Ordinal);
            var (validationAttributes, _) = JsonBody.PartialContent(block.Value, ValidationSchema, validationUsed, template: true, validationErrors);
            JsonBody.Leftovers(block.Value, ValidationSchema, validationUsed, validationErrors);
            for (var i = 0; i < validationAttributes.Count; i++)
            {
                if (validationAttributes[i].Name == "error_message")
                {
                    // decodeVariableValidationBlock decodes the message with a nil context.
                    validationAttributes[i] = Literal(validationAttributes[i], block.Value);
                }
            }

            result.Add(ToBlock(block, MakeBody(block.Value, validationAttributes, [], validationErrors)));
        }

        return MakeBody(value, attributes, result, errors);
    }

    private static Syntax.Attribute Literal(Syntax.Attribute attribute, JsonSyntax.Node body)
    {
        var member = JsonBody.DeepAttributes(body, null, []).First(m => m.Name == attribute.Name);
        return attribute with { Expression = JsonExpressions.Of(member.Value, template: false) };
    }

    /// <summary>
    /// jobspec2's decodeAsAttribute names (meta; env in a task), each taken as an argument unless given twice: then its
    /// PartialContent fails (errors dropped) and gohcl reads the property as the struct's block.
    /// </summary>
    private static string[] AsAttribute(string structName, JsonSyntax.Node value)
    {
        string[] names = structName switch
        {
            "Job" or "TaskGroup" => ["meta"],
            "Task" => ["env", "meta"],
            _ => [],
        };
        return names.Length == 0 ? names : [.. names.Where(n => JsonBody.DeepAttributes(value, null, []).Count(m => m.Name == n) < 2)];
    }

    private static (string Type, IReadOnlyList<string> Labels, string Body)[] Extras(string structName) => structName switch
    {
        "Job" => [("vault", NoLabels, "Vault"), ("secret", NameLabel, "Secret"), ("task", NameLabel, "Task")],
        "TaskGroup" => [("vault", NoLabels, "Vault"), ("secret", NameLabel, "Secret")],
        "Task" => [("scaling", NameLabel, "ScalingPolicy")],
        _ => [],
    };

    /// <summary>
    /// The errors of jobspec2's PartialContent that takes a job's, group's or task's extra blocks out (dynblock adds
    /// <c>dynamic</c>, and the meta/env arguments taken before are optional arguments of it).
    /// </summary>
    private static List<HclDiagnostic>? ExtrasErrors(JsonSyntax.Node value, string structName)
    {
        var extras = Extras(structName);
        if (extras.Length == 0)
        {
            return null;
        }

        var schema = new JsonBodySchema([.. AsAttribute(structName, value).Select(n => (n, false))], [.. extras.Select(e => (e.Type, e.Labels)), ("dynamic", ["type"])]);
        var errors = new List<HclDiagnostic>();
        JsonBody.PartialContent(value, schema, new HashSet<string>(StringComparer.Ordinal), template: true, errors);
        return errors;
    }

    /// <summary>The schema Nomad reads an api struct's body with, and what each block type's body is.</summary>
    private static (JsonBodySchema Schema, Dictionary<string, string> BlockBodies) Schema(string structName, JsonSyntax.Node value)
    {
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (structName is "Constraint" or "Affinity")
        {
            // hcldec's object specs of jobspec2's decodeConstraint/decodeAffinity (sorted as hcldec sorts them).
            string[] names = structName == "Affinity"
                ? ["attribute", "operator", "regexp", "semver", "set_contains", "set_contains_all", "set_contains_any", "value", "version", "weight"]
                : ["attribute", "distinct_hosts", "distinct_property", "is_not_set", "is_set", "operator", "regexp", "semver", "set_contains", "set_contains_all", "set_contains_any", "value", "version"];
            return (new JsonBodySchema([.. names.Select(n => (n, false))], [("dynamic", ["type"])]), bodies);
        }

        var shape = StructShape.ByStruct[structName];
        var asAttribute = AsAttribute(structName, value);
        var attributes = shape.Attributes.Values
            .Select(f => (f.HclName!, f.HclKind == "attr" && !f.GoType.StartsWith('*')))
            .OrderBy(a => a.Item1, StringComparer.Ordinal)
            .Concat(asAttribute.Select(n => (n, false)))
            .ToList();
        var blocks = new List<(string, IReadOnlyList<string>)>();
        var extras = Extras(structName);
        foreach (var field in shape.Blocks.Values.Where(f => !asAttribute.Contains(f.HclName) && !extras.Any(e => e.Type == f.HclName)).OrderBy(f => f.HclName, StringComparer.Ordinal))
        {
            var type = field.GoType;
            if (type is "map[string]string" or "map[string]any" or "map[string][]string")
            {
                blocks.Add((field.HclName!, NoLabels));
                bodies[field.HclName!] = "";
            }
            else if (GoTypes.IsMap(type))
            {
                blocks.Add((field.HclName!, NameLabel));
                bodies[field.HclName!] = type[(type.IndexOf(']', StringComparison.Ordinal) + 1)..].TrimStart('*');
            }
            else
            {
                var element = GoTypes.Element(type);
                blocks.Add((field.HclName!, [.. StructShape.ByStruct[element].Labels.Select(l => l.HclName!)]));
                bodies[field.HclName!] = element;
            }
        }

        blocks.Add(("dynamic", ["type"]));
        foreach (var (type, labels, body) in extras)
        {
            blocks.Add((type, labels));
            bodies[type] = body;
        }

        return (new JsonBodySchema(attributes, blocks), bodies);
    }

    /// <summary>An api struct's body; <c>""</c> for a map-typed block's (JustAttributes).</summary>
    private static Body StructBody(JsonSyntax.Node value, string structName)
    {
        if (structName.Length == 0)
        {
            return AttributesBody(value, template: true);
        }

        var (schema, bodies) = Schema(structName, value);
        var errors = new List<HclDiagnostic>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var (attributes, blocks) = JsonBody.PartialContent(value, schema, used, template: true, errors);
        JsonBody.Leftovers(value, schema, used, errors);
        var result = new List<Block>();
        foreach (var block in blocks)
        {
            result.Add(ToBlock(block, block.Type == "dynamic"
                ? DynamicBody(block, schema, bodies)
                : StructBody(block.Value, bodies[block.Type])));
        }

        return MakeBody(value, attributes, result, errors) with { JsonExtrasErrors = ExtrasErrors(value, structName) };
    }

    /// <summary>dynblock's dynamic block body: for_each, iterator (a traversal), labels when the type has labels, content.</summary>
    private static Body DynamicBody(JsonBlock block, JsonBodySchema parent, Dictionary<string, string> bodies)
    {
        var type = block.Labels[0];
        var labelled = parent.Blocks.Any(b => b.Type == type && b.Labels.Count > 0);
        JsonBodySchema schema = labelled
            ? new([("for_each", true), ("iterator", false), ("labels", true)], [("content", NoLabels)])
            : new([("for_each", true), ("iterator", false)], [("content", NoLabels)]);
        var errors = new List<HclDiagnostic>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var (attributes, blocks) = JsonBody.PartialContent(block.Value, schema, used, template: true, errors);
        JsonBody.Leftovers(block.Value, schema, used, errors);
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Name == "iterator")
            {
                // hcl's AbsTraversalForExpr reads a JSON string as a traversal (from its opening quote), and refuses
                // anything else.
                var raw = JsonBody.DeepAttributes(block.Value, null, []).First(m => m.Name == "iterator").Value;
                var range = raw.Range;
                var parsed = raw.Kind == JsonSyntax.String ? Parser.ParseExpression(raw.Text, range.FileName, range.Start, new DiagnosticBag()) : null;
                attributes[i] = attributes[i] with
                {
                    Expression = parsed switch
                    {
                        VariableExpression v => v,
                        GetAttrExpression or IndexExpression when Traversals.Of(parsed).Count == 1 => parsed,
                        _ => new FailedExpression([new HclDiagnostic("Invalid expression", "A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.", range)], range),
                    },
                };
            }
        }

        var content = new List<Block>();
        foreach (var child in blocks)
        {
            content.Add(ToBlock(child, bodies.TryGetValue(type, out var structName) ? StructBody(child.Value, structName) : AttributesBody(child.Value, template: true)));
        }

        return MakeBody(block.Value, attributes, content, errors);
    }
}
