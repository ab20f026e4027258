using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Syntax.Json;

/// <summary>
/// hcl's JSON body (json/structure.go): a JSON value read against a schema. A property is an argument when the schema
/// names it so, the blocks of a block type when it names that type (labels from nested object keys, an array for
/// several), and otherwise left over (PartialContent) or extraneous (Content); <c>"//"</c> is a comment in a body.
/// </summary>
internal static class JsonBody
{
    private const string Comment = "//";

    /// <summary>hcl's body.MissingItemRange: an object's closing brace, an array's opening bracket, else the value's start.</summary>
    public static SourceRange MissingItemRange(JsonSyntax.Node value) => value.Kind switch
    {
        JsonSyntax.BraceO => new SourceRange(value.Range.FileName, new SourcePosition(value.Range.End.Line, value.Range.End.Column - 1, value.Range.End.Offset - 1), value.Range.End),
        _ => value.Start,
    };

    /// <summary>hcl's collectDeepAttrs: the properties of an object, or of each object of an array.</summary>
    public static List<JsonSyntax.Member> DeepAttributes(JsonSyntax.Node value, string? labelName, List<HclDiagnostic> diagnostics)
    {
        var attributes = new List<JsonSyntax.Member>();
        switch (value.Kind)
        {
            case JsonSyntax.Keyword when value.Text == "null":
                break;
            case JsonSyntax.BraceO:
                attributes.AddRange(value.Members!);
                break;
            case JsonSyntax.BrackO:
                foreach (var element in value.Members!.Select(m => m.Value))
                {
                    if (element.Kind == JsonSyntax.BraceO)
                    {
                        attributes.AddRange(element.Members!);
                        continue;
                    }

                    diagnostics.Add(new HclDiagnostic("Incorrect JSON value type", labelName is null
                        ? "A JSON object is required here, to define arguments and child blocks."
                        : $"A JSON object is required here, to specify {labelName} labels for this block.", element.Start));
                }

                break;
            default:
                diagnostics.Add(new HclDiagnostic("Incorrect JSON value type", labelName is null
                    ? "Either a JSON object or JSON array of objects is required here, to define arguments and child blocks."
                    : $"Either a JSON object or JSON array of objects is required here, to specify {labelName} labels for this block.", value.Start));
                break;
        }

        return attributes;
    }

    /// <summary>
    /// hcl's body.PartialContent: the arguments and blocks the schema names, in property order; the names used are added
    /// to <paramref name="used"/> (names already in it are skipped). Missing required arguments are reported after.
    /// </summary>
    public static (List<Attribute> Attributes, List<JsonBlock> Blocks) PartialContent(JsonSyntax.Node value, JsonBodySchema schema, ISet<string> used, bool template, List<HclDiagnostic> diagnostics)
    {
        var hidden = new HashSet<string>(used, StringComparer.Ordinal);
        var attributes = new List<Attribute>();
        var blocks = new List<JsonBlock>();
        foreach (var member in DeepAttributes(value, null, diagnostics))
        {
            if (hidden.Contains(member.Name))
            {
                continue;
            }

            if (schema.Attributes.Any(a => a.Name == member.Name))
            {
                if (attributes.Find(a => a.Name == member.Name) is { } existing)
                {
                    diagnostics.Add(new HclDiagnostic("Duplicate argument", $"The argument \"{member.Name}\" was already set at {existing.Range}.", member.NameRange));
                    continue;
                }

                attributes.Add(Attribute(member, template));
                used.Add(member.Name);
                continue;
            }

            foreach (var (type, labels) in schema.Blocks)
            {
                if (type == member.Name)
                {
                    UnpackBlock(member.Value, type, member.NameRange, labels, [], [], blocks, diagnostics);
                    used.Add(member.Name);
                    break;
                }
            }
        }

        foreach (var (name, required) in schema.Attributes)
        {
            if (required && attributes.Find(a => a.Name == name) is null)
            {
                diagnostics.Add(new HclDiagnostic("Missing required argument", $"The argument \"{name}\" is required, but no definition was found.", MissingItemRange(value)));
            }
        }

        return (attributes, blocks);
    }

    /// <summary>hcl's body.Content after PartialContent: every property not used (nor a comment) is extraneous.</summary>
    public static void Leftovers(JsonSyntax.Node value, JsonBodySchema schema, ISet<string> used, List<HclDiagnostic> diagnostics)
    {
        var suggestions = schema.Attributes.Select(a => a.Name).Where(n => !used.Contains(n)).Concat(schema.Blocks.Select(b => b.Type)).ToList();
        foreach (var member in DeepAttributes(value, null, diagnostics))
        {
            if (member.Name == Comment || used.Contains(member.Name))
            {
                continue;
            }

            var suggestion = NameSuggestion.Nearest(member.Name, suggestions);
            diagnostics.Add(new HclDiagnostic("Extraneous JSON object property", $"No argument or block type is named \"{member.Name}\".{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")}", member.NameRange));
        }
    }

    /// <summary>hcl's body.JustAttributes: every property of an object is an argument.</summary>
    public static List<Attribute> JustAttributes(JsonSyntax.Node value, bool template, List<HclDiagnostic> diagnostics)
    {
        var attributes = new List<Attribute>();
        if (value.Kind != JsonSyntax.BraceO)
        {
            diagnostics.Add(new HclDiagnostic("Incorrect JSON value type", "A JSON object is required here, setting the arguments for this block.", value.Start));
            return attributes;
        }

        foreach (var member in value.Members!)
        {
            if (member.Name == Comment)
            {
                continue;
            }

            if (attributes.Find(a => a.Name == member.Name) is { } existing)
            {
                diagnostics.Add(new HclDiagnostic("Duplicate attribute definition", $"The argument \"{member.Name}\" was already set at {existing.Range}.", member.NameRange));
                continue;
            }

            attributes.Add(Attribute(member, template));
        }

        return attributes;
    }

    private static Attribute Attribute(JsonSyntax.Member member, bool template) =>
        new(member.Name, JsonExpressions.Of(member.Value, template), member.NameRange, SourceRange.Between(member.NameRange, member.Value.Range));

    // hcl's unpackBlock: one level of nested object keys per label, then an object (one block), an array (one block per
    // element) or null (none).
    private static void UnpackBlock(JsonSyntax.Node value, string type, SourceRange typeRange, IReadOnlyList<string> labelsLeft, List<string> labels, List<SourceRange> labelRanges, List<JsonBlock> blocks, List<HclDiagnostic> diagnostics)
    {
        if (labelsLeft.Count > 0)
        {
            var members = DeepAttributes(value, labelsLeft[0], diagnostics);
            if (members.Count == 0)
            {
                diagnostics.Add(new HclDiagnostic("Missing block label", $"At least one object property is required, whose name represents the {type} block's {labelsLeft[0]}.", value.Start));
                return;
            }

            foreach (var member in members)
            {
                UnpackBlock(member.Value, type, typeRange, labelsLeft.Skip(1).ToList(), [.. labels, member.Name], [.. labelRanges, member.NameRange], blocks, diagnostics);
            }

            return;
        }

        switch (value.Kind)
        {
            case JsonSyntax.Keyword when value.Text == "null":
                return;
            case JsonSyntax.BraceO:
                blocks.Add(new JsonBlock(type, labels, labelRanges, value, typeRange, value.Start));
                return;
            case JsonSyntax.BrackO:
                foreach (var element in value.Members!)
                {
                    blocks.Add(new JsonBlock(type, labels, labelRanges, element.Value, typeRange, value.Start));
                }

                return;
            default:
                diagnostics.Add(new HclDiagnostic("Incorrect JSON value type", $"Either a JSON object or a JSON array is required, representing the contents of one or more \"{type}\" blocks.", value.Start));
                return;
        }
    }
}
