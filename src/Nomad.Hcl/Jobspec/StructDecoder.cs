using System.Globalization;
using System.Text.Json.Nodes;
using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Jobspec;

/// <summary>
/// Decodes a body into the JSON of a Go <c>api</c> struct as gohcl does with the struct's <c>hcl</c> tags,
/// plus jobspec2's special cases (durations, constraint/affinity shorthands, meta/env as attribute or block,
/// free-form config maps, dynamic blocks). Every field of the struct is written, as Go's encoder writes it.
/// </summary>
internal sealed class StructDecoder(DiagnosticBag diagnostics)
{
    /// <summary>
    /// Errors evaluating free-form maps (<c>config</c>, <c>policy</c>, …). jobspec2 evaluates those only after the
    /// rest decoded without error (decodeMapInterfaceType), and reports them as one hcl.Diagnostics.
    /// </summary>
    public DiagnosticBag FreeFormDiagnostics { get; } = new();

    private static EvaluationException Error(string summary, string detail, SourceRange? range) => new(new HclDiagnostic(summary, detail, range));

    /// <summary>The JSON of a struct with every field at its zero value.</summary>
    public static JsonObject Zero(string structName) => ZeroShape.Of(structName);

    private static JsonNode? ZeroValue(string type) => ZeroShape.ValueOf(type);

    /// <summary>Decodes a block's body into a struct, catching the first error of each field as a diagnostic.</summary>
    public JsonObject Decode(string structName, DecodeScope scope)
    {
        switch (structName)
        {
            case "Constraint":
                return DecodeConstraint(scope, affinity: false);
            case "Affinity":
                return DecodeConstraint(scope, affinity: true);
        }

        var fields = ApiSchema.Structs[structName];
        var obj = Zero(structName);
        var body = scope.Block.Body;
        var context = scope.Context;

        var shape = StructShape.ByStruct[structName];
        var labelFields = shape.Labels;
        for (var i = 0; i < labelFields.Count && i < scope.Labels.Count; i++)
        {
            obj[labelFields[i].JsonName] = scope.Labels[i];
        }

        var attributeFields = shape.Attributes;
        var blockFields = shape.Blocks;
        var asAttribute = AttributeOrBlockNames(structName);
        var extraTypes = ExtraBlockTypes(structName);
        IReadOnlyList<Block> extraBlocks = extraTypes.Length == 0 || !AnyOfType(body.Blocks, extraTypes) ? Array.Empty<Block>() : body.Blocks.Where(b => IsOfType(b, extraTypes)).ToList();
        var otherBlocks = extraBlocks.Count == 0 ? body.Blocks : [.. body.Blocks.Where(b => !IsOfType(b, extraTypes))];
        var extras = extraBlocks.Count == 0 || structName == "Task" ? null : new JobspecExtras();
        var before = diagnostics.Items.Count;
        foreach (var name in asAttribute)
        {
            // jobspec2's decodeAsAttribute: env and meta given as arguments are decoded first.
            if (body.Find(name) is not { } attribute || !blockFields.TryGetValue(name, out var mapField))
            {
                continue;
            }

            try
            {
                if (FirstBlockOfType(body.Blocks, name, context) is { } clash)
                {
                    throw Error($"Duplicate {name} block", $"{name} may not be defined more than once. Another definition is defined at {attribute.Range}.", clash);
                }

                obj[mapField.JsonName] = StringMap(EvaluateForDecode(attribute.Expression, context), StartRange(attribute.Expression));
            }
            catch (EvaluationException e)
            {
                diagnostics.AddRange(e.Diagnostics);
            }
        }

        diagnostics.AddRange(body.JsonExtrasErrors ?? []);
        if (structName == "TaskGroup" && diagnostics.Items.Count > before)
        {
            // decodeTaskGroup returns as soon as its meta argument or vault/secret blocks have errors.
            return obj;
        }

        if (structName == "Job" && extraBlocks.Count > 0)
        {
            DecodeJobExtras(extraBlocks, context, extras!);
        }
        else if (structName == "Task" && extraBlocks.Count > 0)
        {
            DecodeTaskScaling(obj, extraBlocks, context);
        }
        else if (structName == "TaskGroup" && extraBlocks.Count > 0 && !DecodeGroupExtras(extraBlocks, context, extras!))
        {
            return obj;
        }

        // hclsyntax's Content first: missing required arguments, then unsupported ones; values are decoded after. A JSON
        // body's Content errors were found when it was read (Syntax/Json), its unknown properties left out.
        diagnostics.AddRange(body.JsonContentErrors ?? []);
        foreach (var field in attributeFields.Values.Where(f => f.HclKind == "attr" && !f.GoType.StartsWith('*')))
        {
            if (body.JsonContentErrors is null && body.Find(field.HclName!) is null)
            {
                diagnostics.Add("Missing required argument", $"The argument \"{field.HclName}\" is required, but no definition was found.", MissingItemRange(scope.Block));
            }
        }

        foreach (var attribute in body.Attributes)
        {
            if (attributeFields.ContainsKey(attribute.Name) || (asAttribute.Contains(attribute.Name) && blockFields.ContainsKey(attribute.Name)))
            {
                continue;
            }

            // Suggestions: the schema's argument names in name order (gohcl sorts them), leaving out those already set.
            var suggestion = NameSuggestion.Nearest(attribute.Name, attributeFields.Keys.Where(k => body.Find(k) is null).Order(StringComparer.Ordinal));
            var hint = suggestion is not null ? $" Did you mean \"{suggestion}\"?"
                : blockFields.ContainsKey(attribute.Name) ? $" Did you mean to define a block of type \"{attribute.Name}\"?" : "";
            diagnostics.Add("Unsupported argument", $"An argument named \"{attribute.Name}\" is not expected here.{hint}", attribute.NameRange);
        }

        // hclsyntax's Content reports a body's unsupported blocks (in source order) before gohcl decodes any value or
        // nested block of it.
        HashSet<Block>? refused = null;
        foreach (var block in otherBlocks)
        {
            if (block.Type != "dynamic" && !blockFields.ContainsKey(block.Type))
            {
                (refused ??= new(ReferenceEqualityComparer.Instance)).Add(block);
                diagnostics.AddRange([UnsupportedBlock(block, blockFields, attributeFields, extraTypes).Diagnostic]);
            }
        }

        // hcl's dynblock then expands the dynamic blocks (expandBlocks, in source order, still inside Body.Content, so
        // before any argument is decoded): one of a type the schema lacks is refused at its label and without a
        // suggestion, before its for_each is looked at; the others' spec errors, for_each and labels come here too.
        var accepted = new List<DecodeScope>();
        var hasDynamic = HasDynamic(otherBlocks);
        foreach (var block in otherBlocks)
        {
            if (refused?.Contains(block) == true)
            {
                continue;
            }

            if (block.Type == "dynamic" && block.Labels.Count == 1 && !blockFields.ContainsKey(block.Labels[0]) && !extraTypes.Contains(block.Labels[0]))
            {
                diagnostics.Add("Unsupported block type", $"Blocks of type \"{block.Labels[0]}\" are not expected here.", block.LabelRanges[0]);
                continue;
            }

            accepted.AddRange(Expand([block], context, hasDynamic ? t => NeedsLabels(t, blockFields) : null));
        }

        // gohcl decodes the arguments in its field map's order: field order for a small struct (StructShape.OneBucket),
        // else no order Go favours (source order here).
        IEnumerable<Syntax.Attribute> attributes = attributeFields.Count <= StructShape.OneBucket && body.Attributes.Count > 1
            ? body.Attributes.OrderBy(a => shape.FieldIndex.GetValueOrDefault(a.Name, int.MaxValue))
            : body.Attributes;
        foreach (var attribute in attributes)
        {
            try
            {
                if (attributeFields.TryGetValue(attribute.Name, out var field))
                {
                    obj[field.JsonName] = DecodeAttribute(field.GoType, attribute.Expression, context, zero => obj[field.JsonName] = zero);
                }
            }
            catch (EvaluationException e)
            {
                diagnostics.AddRange(e.Diagnostics);
            }
        }

        // gohcl takes a body's blocks by type: more than one of a type its field holds only one of (not a slice, nor a
        // map keyed by one label) is "Duplicate … block" on the second, and none of them is decoded.
        var duplicates = accepted.Count < 2 ? null : accepted.GroupBy(c => c.Block.Type, StringComparer.Ordinal)
            .Where(g => g.Skip(1).Any() && blockFields.TryGetValue(g.Key, out var f) && HoldsOne(f.GoType, g.First()))
            .ToDictionary(g => g.Key, g => g.Take(2).ToList(), StringComparer.Ordinal);
        // gohcl decodes the blocks type by type, in its block map's order: field order for a small struct, else the
        // order types first appear here.
        var blocksInOrder = accepted.Count < 2 ? accepted : accepted.GroupBy(c => c.Block.Type, StringComparer.Ordinal)
            .Select((g, i) => (Group: g, Order: blockFields.Count <= StructShape.OneBucket ? shape.FieldIndex.GetValueOrDefault(g.Key, int.MaxValue) : i))
            .OrderBy(p => p.Order).SelectMany(p => p.Group).ToList();
        var seen = new Dictionary<string, Block>(StringComparer.Ordinal);
        foreach (var child in blocksInOrder)
        {
            try
            {
                if (duplicates is not null && duplicates.TryGetValue(child.Block.Type, out var pair))
                {
                    if (ReferenceEquals(pair[0], child))
                    {
                        var type = child.Block.Type;
                        diagnostics.Add($"Duplicate {type} block", $"Only one {type} block is allowed. Another was defined at {pair[0].DefinitionRange ?? DefRange(pair[0].Block)}.", pair[1].DefinitionRange ?? DefRange(pair[1].Block));
                    }

                    continue;
                }

                if (!blockFields.TryGetValue(child.Block.Type, out var field))
                {
                    throw UnsupportedBlock(child.Block, blockFields, attributeFields, extraTypes);
                }

                DecodeBlockField(obj, field, child, seen);
            }
            catch (EvaluationException e)
            {
                diagnostics.AddRange(e.Diagnostics);
            }
        }

        if (structName == "TaskGroup" && obj["Scaling"] is JsonObject scaling)
        {
            ValidateGroupScaling(scaling, body);
        }

        if (extras is null)
        {
            return obj;
        }

        if (extras.LoneTaskGroups.Count > 0)
        {
            // jobspec2 normalizeJob: a task directly in the job becomes a group of its own, placed first.
            var groups = new JsonArray([.. extras.LoneTaskGroups]);
            foreach (var group in (obj["TaskGroups"] as JsonArray)?.ToList() ?? [])
            {
                groups.Add(group?.DeepClone());
            }

            obj["TaskGroups"] = groups;
        }

        var tasks = extras.Vault is null && extras.Secrets.Count == 0 ? [] : (structName == "Job" ? (obj["TaskGroups"] as JsonArray)?.OfType<JsonObject>() ?? [] : [obj])
            .SelectMany(g => (g["Tasks"] as JsonArray)?.OfType<JsonObject>() ?? []).ToList();
        if (extras.Vault is not null)
        {
            // jobspec2: a group's (decodeTaskGroup) or the job's (normalizeJob) vault block goes to every task without one.
            foreach (var task in tasks)
            {
                task["Vault"] ??= extras.Vault.DeepClone();
            }
        }

        if (extras.Secrets.Count > 0)
        {
            foreach (var task in tasks)
            {
                var own = task["Secrets"] as JsonArray;
                if (structName == "Job")
                {
                    // normalizeJob: the job's secrets are appended to every task's.
                    own ??= [];
                    foreach (var secret in extras.Secrets)
                    {
                        own.Add(secret.DeepClone());
                    }

                    task["Secrets"] = own;
                }
                else if (own is not { Count: > 0 })
                {
                    task["Secrets"] = new JsonArray([.. extras.Secrets.Select(s => s.DeepClone())]);
                }
                else
                {
                    // decodeTaskGroup appends the task's own secrets to themselves (not the group's) when it has some.
                    foreach (var secret in own.ToList())
                    {
                        own.Add(secret!.DeepClone());
                    }
                }
            }
        }

        return obj;
    }

    /// <summary>
    /// jobspec2's decodeTaskGroup/validateGroupScalingPolicy: type defaults to horizontal; unless the policy is
    /// horizontal with a max, the first scaling block must have <c>max</c> and may not set another type.
    /// </summary>
    private void ValidateGroupScaling(JsonObject scaling, Body body)
    {
        var type = scaling["Type"]?.GetValue<string>() ?? "";
        if (type.Length == 0)
        {
            scaling["Type"] = type = "horizontal";
        }

        if ((scaling["Max"] is not null && type == "horizontal") || body.Blocks.FirstOrDefault(b => b.Type == "scaling") is not { } block)
        {
            return;
        }

        if (block.Body.Find("max") is null)
        {
            diagnostics.Add("Missing required argument", "The argument \"max\" is required, but no definition was found.", MissingItemRange(block));
        }

        if (type != "horizontal" && block.Body.Find("type") is { } typeAttribute)
        {
            diagnostics.Add("Invalid group scaling type", $"task group scaling policy had invalid type: \"{type}\"", typeAttribute.Expression.Range);
        }
    }

    /// <summary>The blocks jobspec2 takes out of a body before gohcl decodes the rest (its PartialContent calls).</summary>
    private static readonly string[] JobExtraTypes = ["vault", "secret", "task"];
    private static readonly string[] GroupExtraTypes = ["vault", "secret"];
    private static readonly string[] TaskExtraTypes = ["scaling"];
    private static readonly string[] MetaName = ["meta"];
    private static readonly string[] EnvAndMetaNames = ["env", "meta"];

    private static string[] ExtraBlockTypes(string structName) => structName switch
    {
        "Job" => JobExtraTypes,
        "TaskGroup" => GroupExtraTypes,
        "Task" => TaskExtraTypes,
        _ => [],
    };

    private static bool AnyOfType(IReadOnlyList<Block> blocks, string[] types)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (IsOfType(blocks[i], types))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOfType(Block block, string[] types) =>
        types.Contains(block.Type) || (block.Type == "dynamic" && block.Labels.Count == 1 && types.Contains(block.Labels[0]));

    /// <summary>What the job or group level <c>vault</c>, <c>secret</c> and <c>task</c> blocks decoded to.</summary>
    private sealed class JobspecExtras
    {
        public JsonObject? Vault { get; set; }

        public List<JsonObject> Secrets { get; } = [];

        public List<JsonObject> LoneTaskGroups { get; } = [];
    }

    /// <summary>
    /// jobspec2's decodeJob/decodeTopLevelExtras: label errors of the job's vault/secret/task blocks, their decoding,
    /// then the same label errors again (Nomad reports them a second time when the rest of the job body is decoded).
    /// </summary>
    private void DecodeJobExtras(IReadOnlyList<Block> blocks, EvaluationContext context, JobspecExtras extras)
    {
        var labelErrors = new List<HclDiagnostic>();
        var valid = new List<DecodeScope>();
        foreach (var child in Expand(blocks, context))
        {
            if (LabelError(child.Block.Type == "vault" ? [] : ["name"], child) is { } error)
            {
                labelErrors.Add(error);
                continue;
            }

            valid.Add(child);
        }

        diagnostics.AddRange(labelErrors);
        Block? firstVault = null;
        foreach (var child in valid)
        {
            switch (child.Block.Type)
            {
                case "vault" when firstVault is not null:
                    diagnostics.Add("Duplicate vault block", $"Only one block of type \"vault\" is allowed. Previous definition was at {DefRange(firstVault)}.", DefRange(child.Block));
                    break;
                case "vault":
                    firstVault = child.Block;
                    extras.Vault = Decode("Vault", child);
                    break;
                case "secret":
                    extras.Secrets.Add(Decode("Secret", child));
                    break;
                default:
                    var task = Decode("Task", child);
                    var group = Zero("TaskGroup");
                    group["Name"] = task["Name"]?.DeepClone();
                    group["Tasks"] = new JsonArray(task);
                    extras.LoneTaskGroups.Add(group);
                    break;
            }
        }

        diagnostics.AddRange(labelErrors);
    }

    /// <summary>
    /// jobspec2's decodeTaskGroup: a label error in a vault/secret block stops the group's decoding; the blocks' own
    /// decode errors are dropped (Nomad overwrites them), and the last vault block wins.
    /// </summary>
    private bool DecodeGroupExtras(IReadOnlyList<Block> blocks, EvaluationContext context, JobspecExtras extras)
    {
        var children = Expand(blocks, context).ToList();
        var errors = children.Select(c => LabelError(c.Block.Type == "vault" ? [] : ["name"], c)).OfType<HclDiagnostic>().ToList();
        if (errors.Count > 0)
        {
            diagnostics.AddRange(errors);
            return false;
        }

        var silent = new StructDecoder(new DiagnosticBag());
        foreach (var child in children)
        {
            if (child.Block.Type == "vault")
            {
                extras.Vault = silent.Decode("Vault", child);
            }
            else
            {
                extras.Secrets.Add(silent.Decode("Secret", child));
            }
        }

        return true;
    }

    /// <summary>
    /// jobspec2's decodeTaskScalingPolicies: <c>scaling "cpu"</c> / <c>scaling "mem"</c> (any case) become vertical
    /// policies in <c>ScalingPolicies</c>. Label errors are reported twice, as Nomad does.
    /// </summary>
    private void DecodeTaskScaling(JsonObject task, IReadOnlyList<Block> blocks, EvaluationContext context)
    {
        var labelErrors = new List<HclDiagnostic>();
        var valid = new List<DecodeScope>();
        foreach (var child in Expand(blocks, context))
        {
            if (LabelError(["name"], child) is { } error)
            {
                labelErrors.Add(error);
                continue;
            }

            valid.Add(child);
        }

        diagnostics.AddRange(labelErrors);
        var seen = new Dictionary<string, Block>(StringComparer.Ordinal);
        foreach (var child in valid)
        {
            var block = child.Block;
            var name = child.Labels[0].ToLowerInvariant();
            var policyType = name switch
            {
                "cpu" => "vertical_cpu",
                "mem" => "vertical_mem",
                _ => null,
            };
            if (policyType is null)
            {
                diagnostics.Add("Invalid scaling policy name", "scaling policy name must be \"cpu\" or \"mem\"", block.LabelRanges[0]);
                continue;
            }

            if (seen.TryGetValue(name, out var previous))
            {
                diagnostics.Add($"Duplicate scaling \"{name}\" block", $"Only one scaling {name} block is allowed. Another was defined at {DefRange(previous)}.", DefRange(block));
                continue;
            }

            seen[name] = block;
            var policy = Decode("ScalingPolicy", child);
            var type = policy["Type"]?.GetValue<string>() ?? "";
            if (type.Length == 0)
            {
                policy["Type"] = policyType;
            }
            else if (type != policyType)
            {
                // Nomad's text names the two types the other way round.
                diagnostics.Add("Invalid scaling policy type", $"Invalid policy type, expected \"{type}\" but found \"{policyType}\"", DefRange(block));
                continue;
            }

            var policies = task["ScalingPolicies"] as JsonArray ?? [];
            policies.Add(policy);
            task["ScalingPolicies"] = policies;
        }

        diagnostics.AddRange(labelErrors);
    }

    private static string[] AttributeOrBlockNames(string structName) => structName switch
    {
        "Job" or "TaskGroup" => MetaName,
        "Task" => EnvAndMetaNames,
        _ => [],
    };

    /// <summary>hclsyntax's Body.MissingItemRange: an empty range at the block's opening brace.</summary>
    private static SourceRange MissingItemRange(Block block) => block.Body.JsonMissingItemRange ?? block.OpenBraceRange with { End = block.OpenBraceRange.Start };

    private static SourceRange DefRange(Block block) => block.JsonDefRange ??
        SourceRange.Between(block.TypeRange, block.LabelRanges.Count > 0 ? block.LabelRanges[^1] : block.TypeRange);

    private void DecodeBlockField(JsonObject obj, ApiField field, DecodeScope child, Dictionary<string, Block> seen)
    {
        var type = field.GoType;
        var block = child.Block;
        var elementStruct = GoTypes.Element(type);
        if (GoTypes.IsMap(type))
        {
            if (type is "map[string]string" or "map[string]any" or "map[string][]string")
            {
                // gohcl reads such a block with JustAttributes: a JSON body's errors (Syntax/Json) come first.
                diagnostics.AddRange(block.Body.JsonContentErrors ?? []);
            }

            if (type == "map[string]string")
            {
                RejectDuplicate(block, seen);
                obj[field.JsonName] = StringMapBody(block.Body, child.Context);
                return;
            }

            if (type == "map[string]any")
            {
                RejectDuplicate(block, seen);
                obj[field.JsonName] = FreeForm(FreeFormBody(block.Body, child.Context), topLevel: false);
                return;
            }

            if (type == "map[string][]string")
            {
                RejectDuplicate(block, seen);
                obj[field.JsonName] = StringListMapBody(block.Body, child.Context);
                return;
            }

            // map[string]*VolumeRequest: keyed by the block's label.
            var structName = type[(type.IndexOf(']', StringComparison.Ordinal) + 1)..].TrimStart('*');
            if (LabelError(["name"], child) is { } labelError)
            {
                throw new EvaluationException(labelError);
            }

            var map = obj[field.JsonName] as JsonObject ?? [];
            map[child.Labels[0]] = Decode(structName, child);
            obj[field.JsonName] = map;
            return;
        }

        CheckLabels(elementStruct, child);
        if (GoTypes.IsSlice(type))
        {
            var list = obj[field.JsonName] as JsonArray ?? [];
            list.Add(Decode(elementStruct, child));
            obj[field.JsonName] = list;
            return;
        }

        RejectDuplicate(block, seen);
        obj[field.JsonName] = Decode(elementStruct, child);
    }

    private static void CheckLabels(string structName, DecodeScope child)
    {
        if (LabelError([.. StructShape.ByStruct[structName].Labels.Select(l => l.HclName!)], child) is { } error)
        {
            throw new EvaluationException(error);
        }
    }

    /// <summary>hclsyntax's label count check of a block against the label names its schema expects.</summary>
    private static HclDiagnostic? LabelError(IReadOnlyList<string> names, DecodeScope child)
    {
        var block = child.Block;
        if (child.Labels.Count < names.Count)
        {
            return new HclDiagnostic($"Missing {names[child.Labels.Count]} for {block.Type}", $"All {block.Type} blocks must have {names.Count} labels ({string.Join(", ", names)}).", block.OpenBraceRange);
        }

        if (child.Labels.Count > names.Count)
        {
            var extra = block.LabelRanges.Count > names.Count ? block.LabelRanges[names.Count] : block.TypeRange;
            var detail = names.Count == 0
                ? $"No labels are expected for {block.Type} blocks."
                : $"Only {names.Count} labels ({string.Join(", ", names)}) are expected for {block.Type} blocks.";
            return new HclDiagnostic($"Extraneous label for {block.Type}", detail, extra);
        }

        return null;
    }

    /// <summary>
    /// The header of the first block of a type, a block a <c>dynamic</c> block generates included (decodeAsAttribute's
    /// PartialContent reads the body through dynblock; its errors are ignored there).
    /// </summary>
    private static SourceRange? FirstBlockOfType(IReadOnlyList<Block> blocks, string type, EvaluationContext context)
    {
        foreach (var block in blocks)
        {
            if (block.Type == type)
            {
                return DefRange(block);
            }

            if (block.Type == "dynamic" && block.Labels.Count == 1 && block.Labels[0] == type
                && new StructDecoder(new DiagnosticBag()).Expand([block], context).FirstOrDefault() is { } generated)
            {
                return generated.DefinitionRange ?? DefRange(block);
            }
        }

        return null;
    }

    private static bool HoldsOne(string goType, DecodeScope first) =>
        !GoTypes.IsSlice(goType) && !(GoTypes.IsMap(goType) && first.Labels.Count == 1);

    private static void RejectDuplicate(Block block, Dictionary<string, Block> seen)
    {
        if (seen.TryGetValue(block.Type, out var previous))
        {
            throw Error($"Duplicate {block.Type} block", $"Only one {block.Type} block is allowed. Another was defined at {DefRange(previous)}.", DefRange(block));
        }

        seen[block.Type] = block;
    }

    /// <summary>Expands <c>dynamic</c> blocks: each element of <c>for_each</c> gives a copy of <c>content</c>.</summary>
    private static EvaluationException UnsupportedBlock(Block block, System.Collections.Frozen.FrozenDictionary<string, ApiField> blockFields,
        System.Collections.Frozen.FrozenDictionary<string, ApiField> attributeFields, IEnumerable<string> extraTypes)
    {
        var type = block.Type;
        // dynblock extends every schema with the "dynamic" block type, so it is a suggestion too.
        var suggestion = NameSuggestion.Nearest(type, blockFields.Keys.Concat(extraTypes).Append("dynamic").Order(StringComparer.Ordinal));
        var hint = suggestion is not null ? $" Did you mean \"{suggestion}\"?"
            : attributeFields.ContainsKey(type) ? $" Did you mean to define argument \"{type}\"? If so, use the equals sign to assign it a value." : "";
        return Error("Unsupported block type", $"Blocks of type \"{type}\" are not expected here.{hint}", block.TypeRange);
    }

    public IEnumerable<DecodeScope> Expand(IReadOnlyList<Block> blocks, EvaluationContext context, Func<string, bool>? needsLabels = null)
    {
        foreach (var block in blocks)
        {
            if (block.Type != "dynamic")
            {
                yield return new DecodeScope(block, block.Labels, context);
                continue;
            }

            List<DecodeScope> expanded;
            var errors = new List<HclDiagnostic>();
            try
            {
                expanded = ExpandDynamic(block, context, needsLabels, errors);
                diagnostics.AddRange(errors);
            }
            catch (EvaluationException e)
            {
                diagnostics.AddRange(errors);
                diagnostics.AddRange(e.Diagnostics);
                continue;
            }

            foreach (var item in expanded)
            {
                yield return item;
            }
        }
    }

    private static bool HasDynamic(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Type == "dynamic")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a block type of this struct takes labels (dynblock then requires a <c>labels</c> argument).</summary>
    private static bool NeedsLabels(string type, System.Collections.Frozen.FrozenDictionary<string, ApiField> blockFields)
    {
        if (!blockFields.TryGetValue(type, out var field))
        {
            return false;
        }

        var goType = field.GoType;
        if (GoTypes.IsMap(goType))
        {
            return goType is not ("map[string]string" or "map[string]any" or "map[string][]string");
        }

        return StructShape.ByStruct.TryGetValue(GoTypes.Element(goType), out var shape) && shape.Labels.Count > 0;
    }

    private List<DecodeScope> ExpandDynamic(Block block, EvaluationContext context, Func<string, bool>? needsLabels, List<HclDiagnostic> errors)
    {
        if (block.Labels.Count == 0)
        {
            throw Error("Missing name for dynamic", "All dynamic blocks must have 1 labels (type).", block.OpenBraceRange);
        }

        if (block.Labels.Count > 1)
        {
            throw Error("Extraneous label for dynamic", "Only 1 labels (type) are expected for dynamic blocks.", block.LabelRanges[1]);
        }

        // A JSON body's own Content errors (hcl json's) end the block first.
        if (block.Body.JsonContentErrors is { Count: > 0 } jsonErrors)
        {
            throw new EvaluationException(jsonErrors, HclValue.DynamicUnknown);
        }

        // hcl's dynblock reads the body with Body.Content, whose errors (all of them: missing arguments in the schema's
        // order, then unsupported arguments, then unsupported blocks) end the block before any other check.
        var content = new List<HclDiagnostic>();
        var forEachAttr = block.Body.Find("for_each");
        if (forEachAttr is null)
        {
            content.Add(new HclDiagnostic("Missing required argument", "The argument \"for_each\" is required, but no definition was found.", MissingItemRange(block)));
        }

        var withLabels = needsLabels?.Invoke(block.Labels[0]) == true;
        if (block.Body.Find("labels") is null && withLabels)
        {
            content.Add(new HclDiagnostic("Missing required argument", "The argument \"labels\" is required, but no definition was found.", MissingItemRange(block)));
        }

        string[] arguments = withLabels ? ["for_each", "iterator", "labels"] : ["for_each", "iterator"];
        foreach (var attribute in block.Body.Attributes.Where(a => !arguments.Contains(a.Name)))
        {
            var hint = NameSuggestion.Nearest(attribute.Name, arguments.Where(n => block.Body.Find(n) is null)) is { } near ? $" Did you mean \"{near}\"?" : "";
            content.Add(new HclDiagnostic("Unsupported argument", $"An argument named \"{attribute.Name}\" is not expected here.{hint}", attribute.NameRange));
        }

        foreach (var other in block.Body.Blocks.Where(b => b.Type != "content"))
        {
            var hint = NameSuggestion.Nearest(other.Type, ["content"]) is { } near ? $" Did you mean \"{near}\"?" : "";
            content.Add(new HclDiagnostic("Unsupported block type", $"Blocks of type \"{other.Type}\" are not expected here.{hint}", other.TypeRange));
        }

        if (content.Count > 0)
        {
            throw new EvaluationException(content, HclValue.DynamicUnknown);
        }

        // expandSpec's decodeSpec, in its order: the iterator (a static traversal of one name), for_each, the labels (a
        // static list of as many expressions as the type takes), the one content block.
        var iteratorName = block.Labels[0];
        if (block.Body.Find("iterator") is { } iteratorAttr)
        {
            if (iteratorAttr.Expression is FailedExpression failed)
            {
                // A JSON string that does not parse as an expression: its parse errors.
                throw new EvaluationException(failed.Diagnostics, HclValue.DynamicUnknown);
            }

            var traversal = Unparenthesized(iteratorAttr.Expression);
            if (!IsStaticTraversal(traversal))
            {
                throw Error("Invalid expression", "A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.", iteratorAttr.Expression.Range);
            }

            iteratorName = traversal is VariableExpression v ? v.Name
                : throw Error("Invalid dynamic iterator name", "Dynamic iterator must be a single variable name.", traversal.Range);
        }

        var forEach = Evaluator.Evaluate(forEachAttr!.Expression, context);
        if (forEach.Type.Kind is not (HclTypeKind.Map or HclTypeKind.Object or HclTypeKind.List or HclTypeKind.Tuple or HclTypeKind.Set or HclTypeKind.Dynamic))
        {
            throw Error("Invalid dynamic for_each value", $"Cannot use a {forEach.Type.FriendlyName} value in for_each. An iterable collection is required.", forEachAttr.Expression.Range);
        }

        if (forEach.IsNull)
        {
            throw Error("Invalid dynamic for_each value", "Cannot use a null value in for_each.", forEachAttr.Expression.Range);
        }

        IReadOnlyList<Expression> labelExpressions = [];
        if (block.Body.Find("labels") is { } labelsAttr)
        {
            // hcl.ExprList: only a tuple constructor (not even in parentheses) is a static list.
            labelExpressions = labelsAttr.Expression is TupleExpression tuple ? tuple.Items
                : throw Error("Invalid expression", "A static list expression is required.", StartRange(labelsAttr.Expression));
            var wanted = needsLabels?.Invoke(block.Labels[0]) == true ? 1 : 0;
            if (labelExpressions.Count > wanted)
            {
                throw Error("Extraneous dynamic block label", $"Blocks of type \"{block.Labels[0]}\" require {wanted} label(s).", labelExpressions[wanted].Range);
            }

            if (labelExpressions.Count < wanted)
            {
                throw Error("Insufficient dynamic block labels", $"Blocks of type \"{block.Labels[0]}\" require {wanted} label(s).", labelsAttr.Expression.Range);
            }
        }

        var contents = block.Body.Blocks.Where(b => b.Type == "content").Take(2).ToList();
        if (contents.Count == 0)
        {
            throw Error("Missing dynamic content block", "A dynamic block must have a nested block of type \"content\" to describe the body of each generated block.", MissingItemRange(block));
        }

        if (contents.Count > 1)
        {
            throw Error("Extraneous dynamic content block", "Only one nested content block is allowed for each dynamic block.", DefRange(contents[1]));
        }

        var contentBlock = contents[0];
        if (!forEach.IsKnown)
        {
            // dynblock: an unknown for_each is one block whose body is all unknown (unknown_body.go), with its labels
            // evaluated for an unknown iterator.
            return NewBlock(block, contentBlock with { Body = UnknownBody(contentBlock.Body) }, iteratorName, HclValue.DynamicUnknown, HclValue.DynamicUnknown, labelExpressions, context, needsLabels, errors);
        }

        var pairs = forEach.Type.Kind switch
        {
            HclTypeKind.Map or HclTypeKind.Object => forEach.Attributes.Select(a => (Key: HclValue.String(a.Key), a.Value)).ToList(),
            HclTypeKind.List or HclTypeKind.Tuple => forEach.Elements.Select((e, i) => (Key: HclValue.Number((double)i), Value: e)).ToList(),
            _ => forEach.Elements.Select(e => (Key: e, Value: e)).ToList(),
        };

        var result = new List<DecodeScope>();
        foreach (var (key, value) in pairs)
        {
            result.AddRange(NewBlock(block, contentBlock, iteratorName, key, value, labelExpressions, context, needsLabels, errors));
        }

        return result;
    }

    /// <summary>
    /// dynblock's newBlock: each label expression evaluated with the iterator and checked (a string, not null, known);
    /// a failing one records its errors and generates no block for this element.
    /// </summary>
    private List<DecodeScope> NewBlock(Block block, Block content, string iteratorName, HclValue key, HclValue value, IReadOnlyList<Expression> labelExpressions,
        EvaluationContext context, Func<string, bool>? needsLabels, List<HclDiagnostic> errors)
    {
        var iterator = HclValue.Object(new Dictionary<string, HclValue> { ["key"] = key, ["value"] = value });
        var child = context.WithChild(new Dictionary<string, HclValue>(StringComparer.Ordinal) { [iteratorName] = iterator });
        var labels = new List<string>();
        var labelRanges = new List<SourceRange>();
        foreach (var expression in labelExpressions)
        {
            HclValue label;
            try
            {
                label = Evaluator.Evaluate(expression, child);
            }
            catch (EvaluationException e)
            {
                errors.AddRange(e.Diagnostics);
                return [];
            }

            string? problem = null;
            try
            {
                label = Converter.Convert(label, HclType.String);
            }
            catch (ConversionException e)
            {
                problem = $"Cannot use this value as a dynamic block label: {e.Message}.";
            }

            problem ??= label.IsNull ? "Cannot use a null value as a dynamic block label."
                : !label.IsKnown ? "This value is not yet known. Dynamic block labels must be immediately-known values."
                : null;
            if (problem is not null)
            {
                errors.Add(new HclDiagnostic("Invalid dynamic block label", problem, expression.Range));
                return [];
            }

            labels.Add(label.AsString());
            labelRanges.Add(expression.Range);
        }

        var generated = content with { Type = block.Labels[0], Labels = labels, LabelRanges = labelRanges };
        return [.. Expand([generated], child, needsLabels).Select(s => s with { Labels = labels, DefinitionRange = DefRange(block) })];
    }

    private static Expression Unparenthesized(Expression expression) =>
        expression is ParenthesesExpression p ? Unparenthesized(p.Inner) : expression;

    /// <summary>hcl.AbsTraversalForExpr: a variable with attribute steps and indexes by literal keys.</summary>
    private static bool IsStaticTraversal(Expression expression) => expression switch
    {
        VariableExpression => true,
        GetAttrExpression g => IsStaticTraversal(g.Source),
        IndexExpression { Key: LiteralExpression } i => IsStaticTraversal(i.Source),
        _ => false,
    };

    private static Body UnknownBody(Body body) => body with
    {
        Attributes = [.. body.Attributes.Select(a => a with { Expression = new LiteralExpression(HclValue.DynamicUnknown, a.Expression.Range) })],
        Blocks = [.. body.Blocks.Select(b => b.Type == "dynamic"
            ? b with { Body = b.Body with { Blocks = [.. b.Body.Blocks.Select(c => c with { Body = UnknownBody(c.Body) })] } }
            : b with { Body = UnknownBody(b.Body) })],
    };

    /// <summary>A body read as attributes only (nested blocks become tuples of objects), as hclutil.BlocksAsAttrs does.</summary>
    public HclValue BodyAsValue(Body body, EvaluationContext context)
    {
        // Every argument is evaluated for its errors, as the object hclutil.BlocksAsAttrs makes of the body would be.
        var errors = new List<HclDiagnostic>();
        var attrs = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        foreach (var attribute in body.Attributes)
        {
            HclValue value;
            try
            {
                value = Evaluator.Evaluate(attribute.Expression, context);
            }
            catch (EvaluationException e)
            {
                errors.AddRange(e.Diagnostics);
                value = e.Value;
            }

            attrs[attribute.Name] = BlockAttribute(body, attribute.Expression, value);
        }

        foreach (var group in Expand(body.Blocks, context).GroupBy(b => b.Block.Type))
        {
            var items = new List<HclValue>();
            foreach (var block in group)
            {
                try
                {
                    items.Add(LabelledBody(block));
                }
                catch (EvaluationException e)
                {
                    errors.AddRange(e.Diagnostics);
                    items.Add(e.Value);
                }
            }

            attrs[group.Key] = HclValue.Tuple(items);
        }

        return errors.Count == 0 ? HclValue.Object(attrs) : throw new EvaluationException(errors, HclValue.Object(attrs));
    }

    // hclutil.BlocksAsAttrs (attrExpr): an argument written as an object constructor is a one-element tuple; by syntax,
    // so an object or map from a variable, a function or parentheses stays as it is. Not for a JSON body (BlocksAsAttrs
    // wraps only native bodies).
    private static HclValue BlockAttribute(Body body, Expression expression, HclValue value) =>
        expression is ObjectExpression && body.JsonContentErrors is null ? HclValue.Tuple([value]) : value;

    /// <summary>A block as a value: its body, nested one object level (in a one-element tuple) per label.</summary>
    private HclValue LabelledBody(DecodeScope block)
    {
        var value = BodyAsValue(block.Block.Body, block.Context);
        for (var i = block.Labels.Count - 1; i >= 0; i--)
        {
            value = HclValue.Object(new Dictionary<string, HclValue> { [block.Labels[i]] = HclValue.Tuple([value]) });
        }

        return value;
    }

    /// <summary>gohcl's body-to-map decoding: each argument converted on its own; a nested block is a tuple.</summary>
    private JsonObject StringMapBody(Body body, EvaluationContext context)
    {
        var map = new JsonObject();
        foreach (var attribute in body.Attributes)
        {
            try
            {
                var value = EvaluateForDecode(attribute.Expression, context);
                if (attribute.Expression is ObjectExpression && body.JsonContentErrors is null)
                {
                    // hclutil.BlocksAsAttrs turns an object constructor in a block body into a one-element tuple.
                    throw new ConversionException("string required, but have tuple");
                }

                // gocty refuses a null for a Go string.
                var text = value.IsNull
                    ? throw new ConversionException("null value is not allowed")
                    : Converter.Convert(value, HclType.String);
                map[attribute.Name] = text.IsKnown ? text.AsString() : throw MustBeKnown(StartRange(attribute.Expression));
            }
            catch (ConversionException e)
            {
                diagnostics.Add("Unsuitable value type", $"Unsuitable value: {e.Message}", StartRange(attribute.Expression));
            }
            catch (EvaluationException e)
            {
                diagnostics.AddRange(e.Diagnostics);
            }
        }

        foreach (var nested in Expand(body.Blocks, context))
        {
            throw Error("Unsuitable value type", "Unsuitable value: string required, but have tuple", nested.Block.OpenBraceRange);
        }

        return map;
    }

    /// <summary>
    /// gohcl's body-to-map decoding into a <c>map[string][]string</c> (a check's <c>header</c>), through hclutil's
    /// BlocksAsAttrs: each argument converted to a list of strings on its own (null is a nil list, a null element is
    /// refused), an object constructor and a nested block are one-element tuples of an object.
    /// </summary>
    private JsonObject StringListMapBody(Body body, EvaluationContext context)
    {
        var map = new JsonObject();
        foreach (var attribute in body.Attributes)
        {
            try
            {
                var value = EvaluateForDecode(attribute.Expression, context);
                if (attribute.Expression is ObjectExpression && body.JsonContentErrors is null)
                {
                    value = HclValue.Tuple([value]);
                }

                map[attribute.Name] = StringList(value, StartRange(attribute.Expression));
            }
            catch (ConversionException e)
            {
                diagnostics.Add("Unsuitable value type", $"Unsuitable value: {e.Message}", StartRange(attribute.Expression));
            }
            catch (EvaluationException e)
            {
                diagnostics.AddRange(e.Diagnostics);
            }
        }

        foreach (var nested in Expand(body.Blocks, context))
        {
            diagnostics.Add("Unsuitable value type", "Unsuitable value: element 0: string required, but have object", nested.Block.OpenBraceRange);
        }

        return map;
    }

    private static JsonArray? StringList(HclValue value, SourceRange range)
    {
        if (value.IsNull)
        {
            return null;
        }

        var list = Converter.Convert(value, HclType.List(HclType.String));
        if (!list.IsWhollyKnown)
        {
            throw MustBeKnown(range);
        }

        return new JsonArray([.. list.Elements.Select(e => e.IsNull ? throw new ConversionException("null value is not allowed") : (JsonNode?)e.AsString())]);
    }

    private static JsonObject? StringMap(HclValue value, SourceRange range)
    {
        if (value.IsNull)
        {
            return null;
        }

        HclValue map;
        try
        {
            map = Converter.Convert(value, HclType.Map(HclType.String));
        }
        catch (ConversionException e)
        {
            throw Error("Unsuitable value type", $"Unsuitable value: {e.Message}", range);
        }

        if (!map.IsKnown)
        {
            throw MustBeKnown(range);
        }

        var obj = new JsonObject();
        foreach (var (k, v) in map.Attributes)
        {
            // gocty refuses a null element of a map[string]string.
            obj[k] = !v.IsKnown ? throw MustBeKnown(range)
                : v.IsNull ? throw Error("Unsuitable value type", "Unsuitable value: null value is not allowed", range) : v.AsString();
        }

        return obj;
    }

    /// <summary>A free-form value (task config) as jobspec2's map-interface decoding writes it: objects in a map become one-element lists.</summary>
    public static JsonNode? FreeForm(HclValue value, bool topLevel)
    {
        if (value.IsNull)
        {
            return null;
        }

        switch (value.Type.Kind)
        {
            case HclTypeKind.String:
                return value.AsString();
            case HclTypeKind.Bool:
                return value.AsBool();
            case HclTypeKind.Number:
                return Number(value);
            case HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple:
                return new JsonArray([.. value.Elements.Select(e => FreeForm(e, topLevel: false))]);
            default:
                var obj = new JsonObject();
                foreach (var (k, v) in value.Attributes)
                {
                    var node = FreeForm(v, topLevel: false);
                    obj[k] = topLevel && v.Type.Kind is HclTypeKind.Object or HclTypeKind.Map && !v.IsNull ? new JsonArray(node) : node;
                }

                return obj;
        }
    }

    private static JsonValue Number(double n) =>
        n == Math.Floor(n) && Math.Abs(n) < 9.2e18 ? JsonValue.Create((long)n) : JsonValue.Create(n);

    /// <summary>A number as jobspec2 hands it to the api: a whole number in the int64 range exactly, else a float64.</summary>
    private static JsonValue Number(HclValue value) =>
        value.TryGetInt64(out var whole) ? JsonValue.Create(whole) : GoFloat(value.AsNumber());

    /// <summary>A float64 written as Go's encoding/json writes it (<c>12345678901234567000</c>, <c>1e+30</c>, <c>1e-7</c>).</summary>
    private static JsonValue GoFloat(double n)
    {
        if (!double.IsFinite(n))
        {
            return JsonValue.Create(n);
        }

        var shortest = n.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var exponent = e < 0 ? 0 : int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var negative = mantissa.StartsWith('-');
        mantissa = mantissa.TrimStart('-');
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var pointAt = (point < 0 ? mantissa.Length : point) + exponent;
        var trimmed = digits.TrimStart('0');
        pointAt -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            return JsonValue.Create(0);
        }

        var abs = Math.Abs(n);
        string text;
        if (abs < 1e-6 || abs >= 1e21)
        {
            var exp10 = pointAt - 1;
            text = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + (exp10 < 0 ? "-" : "+") + Math.Abs(exp10).ToString(CultureInfo.InvariantCulture);
        }
        else if (pointAt <= 0)
        {
            text = "0." + new string('0', -pointAt) + digits;
        }
        else if (pointAt >= digits.Length)
        {
            text = digits + new string('0', pointAt - digits.Length);
        }
        else
        {
            text = digits[..pointAt] + "." + digits[pointAt..];
        }

        return JsonNode.Parse((negative ? "-" : "") + text)!.AsValue();
    }

    /// <summary>
    /// Evaluates an expression gohcl decodes into a Go value. When evaluation fails, its errors are recorded and hcl
    /// goes on with the value it answers along with them (usually unknown), which gohcl then rejects too.
    /// </summary>
    private HclValue EvaluateForDecode(Expression expression, EvaluationContext context)
    {
        try
        {
            return Evaluator.Evaluate(expression, context);
        }
        catch (EvaluationException e)
        {
            // gohcl (and jobspec2's decodeDuration) go on with the value hcl answers along with the errors.
            diagnostics.AddRange(e.Diagnostics);
            return e.Value;
        }
    }

    /// <summary>
    /// A free-form body (task <c>config</c>): each top-level argument evaluated on its own, as jobspec2's
    /// decodeInterface does; a failing one records its error and <c>value is not known</c> in <see cref="FreeFormDiagnostics"/>.
    /// </summary>
    private HclValue FreeFormBody(Body body, EvaluationContext context)
    {
        var attrs = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        foreach (var attribute in body.Attributes)
        {
            HclValue value;
            try
            {
                value = Evaluator.Evaluate(attribute.Expression, context);
            }
            catch (EvaluationException e)
            {
                // decodeInterface goes on with the value hcl answers along with the errors.
                FreeFormDiagnostics.AddRange(e.Diagnostics);
                value = e.Value;
            }

            if (!value.IsWhollyKnown)
            {
                // jobspec2's decodeInterface refuses a value that is not wholly known.
                FreeFormDiagnostics.Add("unsuitable value type", "Unsuitable value: value is not known", StartRange(attribute.Expression));
                continue;
            }

            if (value.IsNull)
            {
                // jobspec2's walker stores decodeInterface's nil with reflect's SetMapIndex, which deletes the key.
                continue;
            }

            attrs[attribute.Name] = BlockAttribute(body, attribute.Expression, value);
        }

        foreach (var group in Expand(body.Blocks, context).GroupBy(b => b.Block.Type))
        {
            var blocks = group.ToList();
            var items = new List<HclValue>();
            foreach (var block in blocks)
            {
                try
                {
                    items.Add(LabelledBody(block));
                }
                catch (EvaluationException e)
                {
                    FreeFormDiagnostics.AddRange(e.Diagnostics);
                    items.Add(e.Value);
                }
            }

            var value = HclValue.Tuple(items);
            if (!value.IsWhollyKnown)
            {
                FreeFormDiagnostics.Add("unsuitable value type", "Unsuitable value: value is not known", blocks[0].Block.OpenBraceRange);
                continue;
            }

            attrs[group.Key] = value;
        }

        return HclValue.Object(attrs);
    }

    /// <summary>gohcl's DecodeExpression (or jobspec2's decodeDuration) of one argument into a Go field of <paramref name="type"/>.</summary>
    /// <param name="type">The field's Go type.</param>
    /// <param name="expression">The argument's expression.</param>
    /// <param name="context">The scope it is evaluated in.</param>
    /// <param name="populated">Receives what gocty leaves in a pointer field it refuses an unknown value for.</param>
    private JsonNode? DecodeAttribute(string type, Expression expression, EvaluationContext context, Action<JsonNode?> populated)
    {
        type = GoTypes.Underlying(type);
        var value = EvaluateForDecode(expression, context);
        if (GoTypes.IsDuration(type))
        {
            return Duration(value, expression);
        }

        if (value.IsNull)
        {
            // gocty sets a pointer, slice or map to its zero value but refuses a null for a plain Go scalar.
            var scalar = type is "string" or "bool" or "float64" or "float32" || (GoTypes.IsInteger(type) && type == GoTypes.Element(type));
            return scalar
                ? throw Error("Unsuitable value type", "Unsuitable value: null value is not allowed", StartRange(expression))
                : ZeroValue(type);
        }

        var decoded = DecodeKnownOrNot(type, value, expression);

        // gohcl converts first (its errors come first), then gocty refuses a value that is not wholly known, after it
        // allocated a pointer field (fromCtyPopulatePtr): the field holds its element's zero value, which shows when
        // jobspec2 drops the errors (a group's vault block).
        if (!value.IsKnown && type.StartsWith('*') && !type.StartsWith("*[", StringComparison.Ordinal) && GoTypes.Element(type) is "string" or "bool" or "int" or "int64" or "uint64" or "float64")
        {
            populated(ZeroValue(GoTypes.Element(type)));
        }

        return value.IsWhollyKnown ? decoded : throw MustBeKnown(StartRange(expression));
    }

    // gocty decodes each element into a Go string or number, which cannot hold a null.
    private static HclValue NoNullElements(HclValue list) =>
        list.IsKnown && !list.IsNull && list.Elements.Any(e => e.IsNull) ? throw new ConversionException("null value is not allowed") : list;

    private static EvaluationException MustBeKnown(SourceRange range) => Error("Unsuitable value type", "Unsuitable value: value must be known", range);

    private static JsonNode? DecodeKnownOrNot(string type, HclValue value, Expression expression)
    {
        try
        {
            switch (type.TrimStart('*'))
            {
                case "string":
                    return Converter.Convert(value, HclType.String).AsString();
                case "bool":
                    return Converter.Convert(value, HclType.Bool).AsBool();
                case "float64" or "float32":
                    return JsonValue.Create(Converter.Convert(value, HclType.Number).AsNumber());
                case "[]string":
                    return new JsonArray([.. NoNullElements(Converter.Convert(value, HclType.List(HclType.String))).Elements.Select(e => (JsonNode?)e.AsString())]);
                case "map[string]string":
                    return StringMap(value, expression.Range);
                case "[]uint16" or "[]int":
                    return new JsonArray([.. NoNullElements(Converter.Convert(value, HclType.List(HclType.Number))).Elements.Select(e => (JsonNode?)Number(e))]);
                case "map[string]any" or "any":
                    return FreeForm(value, topLevel: true);
            }

            if (GoTypes.IsInteger(type))
            {
                var number = Converter.Convert(value, HclType.Number);
                return number.IsKnown ? GoInteger(number, type.TrimStart('*')) : null;
            }
        }
        catch (ConversionException e)
        {
            throw Error("Unsuitable value type", $"Unsuitable value: {e.Message}", StartRange(expression));
        }

        throw Error("Unsupported argument", $"Values of Go type {type} cannot be decoded here.", expression.Range);
    }

    /// <summary>
    /// gocty's fromCtyNumberInt/UInt: a signed field takes a whole number in its bit size's range; an unsigned one
    /// takes what Go's big.Float.Uint64 calls exact — a number from 1 up whose mantissa has at most 64 significant
    /// bits is truncated (Go's check, so <c>percent = 2.5</c> is 2 and <c>2.4</c> is refused) — up to its maximum.
    /// </summary>
    private static JsonValue GoInteger(HclValue number, string goType)
    {
        var bits = goType.TrimStart('u') switch
        {
            "int8" => 8,
            "int16" => 16,
            "int32" => 32,
            _ => 64,
        };
        var unsigned = goType.StartsWith('u');
        if (number.TryGetInt64(out var whole64))
        {
            // The common case, a whole number in the int64 range, without big arithmetic.
            var fits = unsigned
                ? whole64 >= 0 && (bits == 64 || whole64 <= (1L << bits) - 1)
                : bits == 64 || (whole64 >= -(1L << (bits - 1)) && whole64 <= (1L << (bits - 1)) - 1);
            if (fits)
            {
                return unsigned ? JsonValue.Create((ulong)whole64) : JsonValue.Create(whole64);
            }
        }

        if (!unsigned)
        {
            var min = -(System.Numerics.BigInteger.One << (bits - 1));
            var max = (System.Numerics.BigInteger.One << (bits - 1)) - 1;
            var binary = number.IsInfinite ? null : number.AsBinary();
            if (binary is null || !binary.IsInteger || binary.Truncate() < min || binary.Truncate() > max)
            {
                throw new ConversionException($"value must be a whole number, between {min} and {max}");
            }

            return JsonValue.Create((long)binary.Truncate());
        }

        var limit = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        var refused = new ConversionException($"value must be a whole number, between 0 and {limit} inclusive");
        if (number.IsInfinite)
        {
            throw refused;
        }

        var x = number.AsBinary();
        if (x.IsZero)
        {
            return JsonValue.Create(0UL);
        }

        var length = (long)x.Mantissa.GetBitLength();
        var exponent = length + x.Exponent;
        var minPrecision = length - (long)System.Numerics.BigInteger.TrailingZeroCount(x.Mantissa);
        if (x.Negative || exponent <= 0 || exponent > 64 || minPrecision > 64)
        {
            throw refused;
        }

        var whole = x.Truncate();
        return whole > limit ? throw refused : JsonValue.Create((ulong)whole);
    }

    private static JsonNode Duration(HclValue value, Expression expression)
    {
        var start = StartRange(expression);
        if (value.IsNull)
        {
            throw Error("Unsuitable value", "Unsuitable duration value: nil", start);
        }

        if (value.Type.Kind == HclTypeKind.String)
        {
            if (!value.IsKnown)
            {
                // Nomad's decodeDuration reads the string without checking (cty panics: "value is unknown").
                throw MustBeKnown(start);
            }

            if (!GoDuration.TryParse(value.AsString(), out var nanos, out var error))
            {
                throw Error("Unsuitable value type", $"Unsuitable duration value: {error}", start);
            }

            return nanos;
        }

        if (value.Type.Kind != HclTypeKind.Number)
        {
            // jobspec2 prints the cty.Type with %s: Go's struct notation (GoTypeText).
            throw Error("Unsuitable value type", $"Unsuitable value: expected a string but found {GoTypeText.Of(value.Type)}", start);
        }

        if (!value.IsKnown)
        {
            throw MustBeKnown(start);
        }

        // decodeDuration hands the number to gocty.FromCtyValue: a time.Duration is an int64 (fromCtyNumberInt).
        try
        {
            return GoInteger(value, "int64");
        }
        catch (ConversionException e)
        {
            throw Error("Unsuitable value type", $"Unsuitable value: {e.Message}", start);
        }
    }

    private static SourceRange StartRange(Expression expression) => ExpressionRanges.Start(expression);

    private JsonObject DecodeConstraint(DecodeScope scope, bool affinity)
    {
        var obj = Zero(affinity ? "Affinity" : "Constraint");
        string[] names = affinity
            ? ["attribute", "value", "operator", "weight", "version", "semver", "regexp", "set_contains_any", "set_contains_all", "set_contains"]
            : ["attribute", "value", "operator", "distinct_property", "distinct_hosts", "regexp", "version", "semver", "set_contains", "set_contains_all", "set_contains_any", "is_set", "is_not_set"];
        // hcldec.Decode: Body.Content's errors (unsupported arguments, then blocks) come first, then each attribute's
        // value errors and conversion (hcldec's AttrSpec: an evaluation error is followed by the conversion of the
        // value hcl answered with it).
        var values = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        if (scope.Block.Body.JsonContentErrors is { Count: > 0 } jsonErrors)
        {
            // hcldec.Decode returns a JSON body's Content errors alone.
            diagnostics.AddRange(jsonErrors);
            return obj;
        }

        foreach (var attribute in scope.Block.Body.Attributes.Where(a => !names.Contains(a.Name)))
        {
            diagnostics.Add("Unsupported argument", $"An argument named \"{attribute.Name}\" is not expected here.{(NameSuggestion.Nearest(attribute.Name, names) is { } s ? $" Did you mean \"{s}\"?" : "")}", attribute.NameRange);
        }

        foreach (var block in scope.Block.Body.Blocks)
        {
            diagnostics.Add("Unsupported block type", $"Blocks of type \"{block.Type}\" are not expected here.", block.TypeRange);
        }

        foreach (var attribute in scope.Block.Body.Attributes.Where(a => names.Contains(a.Name)))
        {
            var target = attribute.Name is "weight" ? HclType.Number : attribute.Name is "distinct_hosts" ? HclType.Bool : HclType.String;
            var failed = false;
            HclValue raw;
            try
            {
                raw = Evaluator.Evaluate(attribute.Expression, scope.Context);
            }
            catch (EvaluationException e)
            {
                diagnostics.AddRange(e.Diagnostics);
                raw = e.Value;
                failed = true;
            }

            try
            {
                var value = raw.IsNull ? raw : Converter.Convert(raw, target);
                if (value.IsWhollyKnown)
                {
                    values[attribute.Name] = value;
                }
                else if (!failed)
                {
                    // Nomad's decodeConstraint reads the value without checking (cty panics: "value is unknown").
                    diagnostics.AddRange(MustBeKnown(StartRange(attribute.Expression)).Diagnostics);
                }
            }
            catch (ConversionException e)
            {
                diagnostics.Add("Incorrect attribute value type", $"Inappropriate value for attribute \"{attribute.Name}\": {e.Message}.", attribute.Expression.Range);
            }
        }

        string Text(string name) => values.TryGetValue(name, out var v) && !v.IsNull ? v.AsString() : "";
        obj["LTarget"] = Text("attribute");
        obj["RTarget"] = Text("value");
        var operand = Text("operator");
        string[] shorthands = affinity
            ? ["version", "semver", "regexp", "set_contains_any", "set_contains_all", "set_contains"]
            : ["version", "semver", "regexp", "set_contains"];
        foreach (var name in shorthands)
        {
            if (Text(name) is { Length: > 0 } target)
            {
                operand = name;
                obj["RTarget"] = target;
            }
        }

        if (affinity)
        {
            if (values.TryGetValue("weight", out var weight) && !weight.IsNull)
            {
                obj["Weight"] = (long)(sbyte)(long)weight.AsNumber();
            }
        }
        else
        {
            if (values.TryGetValue("distinct_hosts", out var hosts) && !hosts.IsNull)
            {
                operand = "distinct_hosts";
                obj["RTarget"] = hosts.AsBool() ? "true" : "false";
            }

            if (Text("distinct_property") is { Length: > 0 } property)
            {
                operand = "distinct_property";
                obj["LTarget"] = property;
            }
        }

        obj["Operand"] = operand.Length == 0 ? "=" : operand;
        return obj;
    }

    internal static string Invariant(double n) => n.ToString(CultureInfo.InvariantCulture);
}
