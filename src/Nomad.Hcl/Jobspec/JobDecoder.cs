using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Functions;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Jobspec;

/// <summary>
/// jobspec2's decode steps for a parsed file: input variables (declarations, var-file and key/value values),
/// locals, then the one <c>job</c> block, then jobspec2's normalization and the api's canonicalization.
/// </summary>
internal sealed class JobDecoder(string source, JobParseOptions options)
{
    private const string UnsetDetail = "A used variable must be set or have a default value; see https://developer.hashicorp.com/nomad/docs/reference/hcl2/variables  for details.";

    private sealed class Variable(string name)
    {
        public string Name { get; } = name;

        public HclType? Type { get; set; }

        public HclValue? Value { get; set; }

        /// <summary>Where the value came from, as jobspec2 names it: default, varfile, cmd.</summary>
        public string From { get; set; } = "default";

        public SourceRange? ValueRange { get; set; }

        public List<Block> Validations { get; } = [];

        /// <summary>The default did not convert to the type: jobspec2 assigns an unknown value (not unset, not validated).</summary>
        public bool InvalidDefault { get; set; }
    }

    private static readonly string[] VariableArguments = ["default", "description", "type"];

    private readonly DiagnosticBag _diagnostics = new();
    // In declaration order: jobspec2's Variables.Values walks a Go map, whose order for up to eight entries is a rotation
    // of the insertion order from a random slot, so its unset-variable and validation errors come most often in this order.
    private readonly OrderedDictionary<string, Variable> _variables = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, HclValue> _locals = new(StringComparer.Ordinal);
    private byte[]? _sourceBytes;
    private readonly Dictionary<Block, string> _errorMessages = new(ReferenceEqualityComparer.Instance);

    public JobParseResult Decode(Body body)
    {
        if (body.JsonContentErrors is { Count: > 0 } jsonErrors)
        {
            // A JSON file's root Content errors (Syntax/Json): decodeBody returns them alone.
            _diagnostics.AddRange(jsonErrors);
            return Failed();
        }

        foreach (var attribute in body.Attributes)
        {
            var suggestion = NameSuggestion.Nearest(attribute.Name, ["job", "locals", "variable", "variables"]);
            _diagnostics.Add("Unsupported argument", $"An argument named \"{attribute.Name}\" is not expected here.{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")}", attribute.NameRange);
        }

        foreach (var block in body.Blocks.Where(b => b.Type is not ("variables" or "variable" or "locals" or "job")))
        {
            var suggestion = NameSuggestion.Nearest(block.Type, ["job", "locals", "variable", "variables"]);
            _diagnostics.Add("Unsupported block type", $"Blocks of type \"{block.Type}\" are not expected here.{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")}", block.TypeRange);
        }

        if (_diagnostics.HasErrors)
        {
            return Failed();
        }

        DeclareVariables(body);

        // parseLocalVariables reads each locals block with JustAttributes, which refuses the first nested block and
        // goes on with the attributes.
        foreach (var block in body.Blocks.Where(b => b.Type == "locals"))
        {
            _diagnostics.AddRange(block.Body.JsonContentErrors ?? []);
        }

        foreach (var block in body.Blocks.Where(b => b.Type == "locals" && b.Body.Blocks.Count > 0))
        {
            _diagnostics.Add($"Unexpected \"{block.Body.Blocks[0].Type}\" block", "Blocks are not allowed here.", block.Body.Blocks[0].TypeRange);
        }

        AssignVarFile();
        AssignKeyValues();
        foreach (var variable in _variables.Values)
        {
            if (variable.InvalidDefault)
            {
                continue;
            }

            if (variable.Value is null)
            {
                _diagnostics.Add($"Unset variable \"{variable.Name}\"", UnsetDetail, null);
                continue;
            }

            Validate(variable);
        }

        EvaluateLocals(body);
        if (_diagnostics.HasErrors)
        {
            return Failed();
        }

        var context = Context();
        var jobs = body.Blocks.Where(b => b.Type == "job").ToList();
        if (jobs.Count == 0)
        {
            _diagnostics.Add("Missing job block", "A job block is required", null);
            return Failed();
        }

        var jobBlock = jobs[0];
        if (jobBlock.Labels.Count != 1)
        {
            _diagnostics.Add(jobBlock.Labels.Count == 0 ? "Missing name for job" : "Extraneous label for job",
                jobBlock.Labels.Count == 0 ? "All job blocks must have 1 labels (name)." : "Only 1 labels (name) are expected for job blocks.",
                jobBlock.Labels.Count == 0 ? jobBlock.OpenBraceRange : jobBlock.LabelRanges[1]);
            return Failed();
        }

        var decoder = new StructDecoder(_diagnostics);
        var job = decoder.Decode("Job", new DecodeScope(jobBlock, [], context));

        // decodeJob decodes the first job block, then refuses each further one.
        foreach (var duplicate in jobs.Skip(1))
        {
            _diagnostics.Add("Duplicate job block", $"Only one block of type \"job\" is allowed. Previous definition was at {DefRange(jobBlock)}.", DefRange(duplicate));
        }

        if (_diagnostics.HasErrors)
        {
            return Failed();
        }

        if (decoder.FreeFormDiagnostics.HasErrors)
        {
            // jobspec2 decode: decodeMapInterfaceType's errors are returned as hcl.Diagnostics (first, and N others).
            // decode returns the warnings found before with them.
            return new JobParseResult(null, [.. _diagnostics.Items, .. decoder.FreeFormDiagnostics.Items]);
        }

        Normalize(job, jobBlock.Labels[0]);
        if (options.Canonicalize)
        {
            Canonicalizer.Job(job);
        }

        return new JobParseResult(job, []);
    }

    private JobParseResult Failed() => new(null, _diagnostics.Items) { JoinWithNewlines = true };

    private static SourceRange DefRange(Block block) => block.JsonDefRange ??
        SourceRange.Between(block.TypeRange, block.LabelRanges.Count > 0 ? block.LabelRanges[^1] : block.TypeRange);

    // jobspec2 evaluates variable defaults and values with a nil *hcl.EvalContext (types.variables.go).
    private static EvaluationContext Literal() => EvaluationContext.Nil();

    private EvaluationContext Context()
    {
        var vars = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        foreach (var (name, variable) in _variables)
        {
            vars[name] = variable.Value ?? HclValue.NullOf(variable.Type ?? HclType.Dynamic);
        }

        var scope = new Dictionary<string, HclValue>(StringComparer.Ordinal)
        {
            ["var"] = HclValue.Object(vars),
            ["local"] = HclValue.Object(new SortedDictionary<string, HclValue>(_locals, StringComparer.Ordinal)),
        };
        return new EvaluationContext(scope, StandardFunctions.Create(options.FileSystemRoot, options.BaseDirectory), UndefinedVariable);
    }

    /// <summary>
    /// jobspec2's UndefinedVariable hook (types.config.go): the file's bytes between the traversal's byte offsets,
    /// wrapped in the enclosing <c>${…}</c> as written. A native file's offsets count UTF-16 units here and are turned
    /// into bytes; a JSON file's template positions are hcl's (Syntax/Json): bytes from the string's opening quote + 1
    /// over the decoded value, so after an escape they point elsewhere in the raw file, where Nomad slices too.
    /// </summary>
    private HclValue? UndefinedVariable(SourceRange range)
    {
        if (range.FileName != options.FileName)
        {
            return null;
        }

        var json = JsonSyntax.IsJson(source);
        var body = _sourceBytes ??= Encoding.UTF8.GetBytes(source);
        var start = json ? range.Start.Offset : Encoding.UTF8.GetByteCount(source.AsSpan(0, range.Start.Offset));
        var end = json ? range.End.Offset : Encoding.UTF8.GetByteCount(source.AsSpan(0, range.End.Offset));
        if (start < 0 || end > body.Length || start > end)
        {
            return null;
        }

        var text = new List<byte>(body[start..end]);
        var bracketed = false;
        for (var i = start - 1; i >= 1; i--)
        {
            if (body[i] == '{' && body[i - 1] == '$')
            {
                bracketed = true;
                text.InsertRange(0, body[(i - 1)..start]);
                break;
            }

            if (body[i] != ' ')
            {
                break;
            }
        }

        if (!bracketed)
        {
            return HclValue.String("${" + GoString(text) + "}");
        }

        for (var i = end + 1; i < body.Length; i++)
        {
            if (body[i] == '}')
            {
                text.AddRange(body[end..i]);
            }
            else if (body[i] != ' ')
            {
                text.Add((byte)'}');
                break;
            }
        }

        return HclValue.String(GoString(text));
    }

    // Go's string of bytes as its JSON encoder writes it: each byte of an invalid UTF-8 sequence is one U+FFFD.
    private static string GoString(List<byte> bytes)
    {
        var span = CollectionsMarshal.AsSpan(bytes);
        var builder = new StringBuilder(span.Length);
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(span, out var rune, out var consumed) == OperationStatus.Done)
            {
                builder.Append(rune.ToString());
                span = span[consumed..];
            }
            else
            {
                builder.Append('\uFFFD');
                span = span[1..];
            }
        }

        return builder.ToString();
    }

    private void DeclareVariables(Body body)
    {
        foreach (var block in body.Blocks)
        {
            if (block.Type == "variables")
            {
                // A JSON body's JustAttributes errors (Syntax/Json).
                _diagnostics.AddRange(block.Body.JsonContentErrors ?? []);
                if (block.Body.Blocks.Count > 0)
                {
                    // JustAttributes: the first nested block is refused, the attributes still read.
                    _diagnostics.Add($"Unexpected \"{block.Body.Blocks[0].Type}\" block", "Blocks are not allowed here.", block.Body.Blocks[0].TypeRange);
                }

                foreach (var attribute in block.Body.Attributes)
                {
                    if (_variables.ContainsKey(attribute.Name))
                    {
                        _diagnostics.Add("Duplicate variable", $"Duplicate {attribute.Name} variable definition found.", attribute.NameRange);
                        continue;
                    }

                    var value = Evaluator.TryEvaluate(attribute.Expression, Literal(), _diagnostics);
                    if (value is null)
                    {
                        // jobspec2's decodeVariable declares nothing when the value fails.
                        continue;
                    }

                    _variables[attribute.Name] = new Variable(attribute.Name) { Value = value, Type = value.Type };
                }

                continue;
            }

            if (block.Type != "variable")
            {
                continue;
            }

            if (block.Labels.Count != 1)
            {
                _diagnostics.Add(block.Labels.Count == 0 ? "Missing name for variable" : "Extraneous label for variable",
                    block.Labels.Count == 0 ? "All variable blocks must have 1 labels (name)." : "Only 1 labels (name) are expected for variable blocks.",
                    block.Labels.Count == 0 ? block.OpenBraceRange : block.LabelRanges[1]);
                continue;
            }

            var name = block.Labels[0];
            if (_variables.ContainsKey(name))
            {
                _diagnostics.Add("Duplicate variable", $"Duplicate {name} variable definition found.", null);
                continue;
            }

            var variable = new Variable(name);
            _variables[name] = variable;
            try
            {
                // A JSON body's Content errors (Syntax/Json), its validation blocks' after.
                _diagnostics.AddRange(block.Body.JsonContentErrors ?? []);
                _diagnostics.AddRange(block.Body.Blocks.SelectMany(b => b.Body.JsonContentErrors ?? []));
                foreach (var attribute in block.Body.Attributes)
                {
                    if (attribute.Name is not ("type" or "default" or "description"))
                    {
                        var suggestion = NameSuggestion.Nearest(attribute.Name, VariableArguments.Where(n => block.Body.Find(n) is null));
                        // Body.Content's errors; decodeVariableBlock goes on with the block.
                        _diagnostics.Add("Unsupported argument", $"An argument named \"{attribute.Name}\" is not expected here.{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")}", attribute.NameRange);
                    }
                }

                variable.Validations.AddRange(block.Body.Blocks.Where(b => b.Type == "validation"));
                foreach (var nested in block.Body.Blocks.Where(b => b.Type != "validation"))
                {
                    var suggestion = NameSuggestion.Nearest(nested.Type, ["validation"]);
                    _diagnostics.Add("Unsupported block type", $"Blocks of type \"{nested.Type}\" are not expected here.{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")}", nested.TypeRange);
                }

                if (!Lexer.IsValidIdentifier(name))
                {
                    _diagnostics.Add("Invalid variable name", "A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.", block.LabelRanges[0]);
                }

                if (block.Body.Find("description") is { } descriptionAttr)
                {
                    // decodeVariableBlock decodes the description with gohcl and a nil context.
                    DecodeLiteralString(descriptionAttr.Expression);
                }

                if (block.Body.Find("type") is { } typeAttr)
                {
                    variable.Type = TypeExpression.Read(typeAttr.Expression, constraint: false);
                }

                if (block.Body.Find("default") is { } defaultAttr)
                {
                    var value = Evaluator.Evaluate(defaultAttr.Expression, Literal());
                    if (variable.Type is { } type)
                    {
                        try
                        {
                            value = Converter.Convert(value, type);
                        }
                        catch (ConversionException e)
                        {
                            // decodeVariableBlock declares the variable anyway, with cty.DynamicVal.
                            variable.InvalidDefault = true;
                            _diagnostics.Add("Invalid default value for variable", $"This default value is not compatible with the variable's type constraint: {e.Message}.", defaultAttr.Expression.Range);
                            value = HclValue.DynamicUnknown;
                        }
                    }

                    variable.Value = value;
                    variable.ValueRange = defaultAttr.Expression.Range;

                    // decodeVariableBlock: without a type attribute, the default's type is the variable's type.
                    variable.Type ??= value.Type;
                }

                CheckValidationReferences(variable);
            }
            catch (EvaluationException e)
            {
                // A type or default that fails makes decodeVariableBlock return before it declares the variable (so
                // var.<name> is an unsupported attribute, and never unset).
                _variables.Remove(name);
                _diagnostics.AddRange(e.Diagnostics);
            }
        }
    }

    private void AssignVarFile()
    {
        if (options.VarFileContent is not { Length: > 0 } text)
        {
            return;
        }

        var parseDiagnostics = new DiagnosticBag();
        var body = JsonSyntax.IsJson(text)
            ? new Body(JsonSyntax.ReadAttributes(text, "input.hcl", parseDiagnostics) ?? [], [], default)
            : Parser.ParseConfig(text, "input.hcl", parseDiagnostics);
        foreach (var block in body.Blocks.Where(b => b.Type == "variable"))
        {
            var name = block.Labels.Count > 0 ? block.Labels[0] : "";
            _diagnostics.Add("Variable declaration in a .var file", $"A .var file is used to assign values to variables that have already been declared in job files, not to declare new variables. To declare variable \"{name}\", place this block in one of your job files\n\nTo set a value for this variable in input.hcl, use the definition syntax instead:\n    {name} = <value>", block.TypeRange);
        }

        // collectInputVariableValues bails out on its own errors (these declarations), not on earlier ones.
        if (body.Blocks.Any(b => b.Type == "variable"))
        {
            return;
        }

        // A JSON var file's JustAttributes errors (a repeated name); the attributes read are still assigned.
        if (JsonSyntax.IsJson(text))
        {
            _diagnostics.AddRange(parseDiagnostics.Items);
        }

        foreach (var attribute in body.Attributes)
        {
            if (!_variables.TryGetValue(attribute.Name, out var variable))
            {
                // A warning: the parse endpoint does not set jobspec2's Strict (command/agent/job_endpoint.go).
                _diagnostics.AddRange([new HclDiagnostic("Undefined variable", $"A \"{attribute.Name}\" variable was set but was not found in known variables. To declare variable \"{attribute.Name}\", place this block in your job files", null) { IsWarning = true }]);
                continue;
            }

            var value = Evaluator.TryEvaluate(attribute.Expression, Literal(), _diagnostics);
            if (value is null)
            {
                // jobspec2 still assigns the failed value (cty.DynamicVal), so the variable is not reported unset.
                variable.InvalidDefault = true;
                continue;
            }

            variable.Value = ConvertInput(variable, value, attribute.Expression.Range, "Invalid value for variable", $"The value for {attribute.Name} is not compatible with the variable's type constraint");
            variable.From = "varfile";
            variable.ValueRange = attribute.Expression.Range;
        }
    }

    private void AssignKeyValues()
    {
        foreach (var (name, text) in options.Variables.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!_variables.TryGetValue(name, out var variable))
            {
                _diagnostics.AddRange([new HclDiagnostic("Undefined -var variable", $"A \"{name}\" variable was passed in the command line but was not found in known variables. To declare variable \"{name}\", place this block in your job file", null) { IsWarning = true }]);
                continue;
            }

            HclValue? value;
            var fileName = $"<value for var.{name} from arguments>";
            // expressionFromVariableDefinition: a string or number variable's text is a literal without a source
            // range (its conversion error names ":0,0-0"); any other type's text is parsed as an expression.
            var valueRange = new SourceRange("", new SourcePosition(0, 0, 0), new SourcePosition(0, 0, 0));
            if (variable.Type is null || variable.Type.Kind is HclTypeKind.String or HclTypeKind.Number)
            {
                value = HclValue.String(text);
            }
            else
            {
                var expr = Parser.ParseExpression(text, fileName, _diagnostics);
                value = expr is null ? null : Evaluator.TryEvaluate(expr, Literal(), _diagnostics);
                valueRange = expr?.Range ?? valueRange;
            }

            if (value is not null)
            {
                variable.Value = ConvertInput(variable, value, valueRange, "Invalid argument value for -var variable", $"The received arg value for {name} is not compatible with the variable's type constraint");
                variable.From = "cmd";
                var end = new SourcePosition(1, text.Length + 1, text.Length);
                variable.ValueRange = new SourceRange(fileName, new SourcePosition(1, 1, 0), end);
            }
        }
    }

    /// <summary>
    /// jobspec2's decodeVariableValidationBlock: each reference in a condition must be <c>var.&lt;name&gt;</c> of the
    /// variable itself (addrs.ParseRef), and at least one must be.
    /// </summary>
    private void CheckValidationReferences(Variable variable)
    {
        foreach (var validation in variable.Validations)
        {
            // Body.Content(variableValidationBlockSchema): both arguments are required, nothing else is allowed. A JSON
            // body's Content errors are hcl json's, reported with the variable block's.
            if (validation.Body.JsonContentErrors is null)
            {
                CheckValidationContent(validation);
            }

            CheckCondition(variable, validation);
            DecodeErrorMessage(validation);
        }
    }

    private static readonly string[] ValidationArguments = ["condition", "error_message"];

    private void CheckValidationContent(Block validation)
    {
        foreach (var required in ValidationArguments.Where(n => validation.Body.Find(n) is null))
        {
            _diagnostics.Add("Missing required argument", $"The argument \"{required}\" is required, but no definition was found.", validation.OpenBraceRange with { End = validation.OpenBraceRange.Start });
        }

        foreach (var attribute in validation.Body.Attributes.Where(a => !ValidationArguments.Contains(a.Name)))
        {
            var suggestion = NameSuggestion.Nearest(attribute.Name, ValidationArguments.Where(n => validation.Body.Find(n) is null));
            _diagnostics.Add("Unsupported argument", $"An argument named \"{attribute.Name}\" is not expected here.{(suggestion is null ? "" : $" Did you mean \"{suggestion}\"?")}", attribute.NameRange);
        }

        foreach (var nested in validation.Body.Blocks)
        {
            _diagnostics.Add("Unsupported block type", $"Blocks of type \"{nested.Type}\" are not expected here.", nested.TypeRange);
        }
    }

    /// <summary>
    /// decodeVariableValidationBlock decodes <c>error_message</c> at declaration with gohcl (a nil context): the
    /// evaluation's errors, then the string conversion's, and a blank message is refused.
    /// </summary>
    private void DecodeErrorMessage(Block validation)
    {
        if (validation.Body.Find("error_message") is not { } attribute)
        {
            return;
        }

        var before = _diagnostics.Items.Count;
        if (DecodeLiteralString(attribute.Expression) is { } text)
        {
            _errorMessages[validation] = text;
        }

        if (_diagnostics.Items.Count == before && string.IsNullOrWhiteSpace(_errorMessages.GetValueOrDefault(validation)))
        {
            _diagnostics.Add("Invalid validation error message", "An empty or blank string is not a valid nor useful error message.", attribute.Expression.Range);
        }
    }

    /// <summary>gohcl.DecodeExpression into a Go string with a nil context: the evaluation's errors, then the conversion's.</summary>
    private string? DecodeLiteralString(Expression expression)
    {
        HclValue value;
        try
        {
            value = Evaluator.Evaluate(expression, Literal());
        }
        catch (EvaluationException e)
        {
            _diagnostics.AddRange(e.Diagnostics);
            value = e.Value;
        }

        var start = ExpressionRanges.Start(expression);
        try
        {
            var text = Converter.Convert(value, HclType.String);
            if (text.IsNull)
            {
                _diagnostics.Add("Unsuitable value type", "Unsuitable value: null value is not allowed", start);
                return null;
            }

            if (!text.IsKnown)
            {
                _diagnostics.Add("Unsuitable value type", "Unsuitable value: value must be known", start);
                return null;
            }

            return text.AsString();
        }
        catch (ConversionException e)
        {
            _diagnostics.Add("Unsuitable value type", $"Unsuitable value: {e.Message}", start);
            return null;
        }
    }

    private void CheckCondition(Variable variable, Block validation)
    {
        if (validation.Body.Find("condition") is not { } condition)
        {
            return;
        }

        var good = 0;
        foreach (var traversal in Traversals.Of(condition.Expression))
        {
            if (traversal.Root.Name == "var" && traversal.Steps is [GetAttrExpression { Name: var name }, ..] && name == variable.Name)
            {
                good++;
                continue;
            }

            _diagnostics.Add("Invalid reference in variable validation", $"The condition for variable \"{variable.Name}\" can only refer to the variable itself, using var.{variable.Name}.", traversal.Whole.Range);
        }

        if (good < 1)
        {
            _diagnostics.Add("Invalid variable validation condition", $"The condition for variable \"{variable.Name}\" must refer to var.{variable.Name} in order to test incoming values.", condition.Expression.Range);
        }
    }

    /// <summary>jobspec2's validateValue: each validation condition sees only <c>var.&lt;name&gt;</c>.</summary>
    private void Validate(Variable variable)
    {
        var scope = new Dictionary<string, HclValue>(StringComparer.Ordinal)
        {
            ["var"] = HclValue.Object(new Dictionary<string, HclValue> { [variable.Name] = variable.Value! }),
        };
        var context = new EvaluationContext(scope, StandardFunctions.Create(null));
        foreach (var validation in variable.Validations)
        {
            var declRange = validation.JsonDefRange ?? validation.TypeRange;
            if (validation.Body.Find("condition") is not { } condition)
            {
                _diagnostics.Add("Invalid variable validation specification", "validation requires a condition.", declRange);
                continue;
            }

            var message = _errorMessages.GetValueOrDefault(validation) ?? "";
            HclValue result;
            try
            {
                result = Evaluator.Evaluate(condition.Expression, context);
            }
            catch (EvaluationException e)
            {
                _diagnostics.AddRange(e.Diagnostics);
                result = e.Value;
            }

            if (!result.IsKnown)
            {
                // validateValue waits for a known result (a value that failed its conversion is unknown).
                continue;
            }

            if (result.IsNull)
            {
                _diagnostics.Add("Invalid variable validation result", "Validation condition expression must return either true or false, not null.", condition.Expression.Range);
                continue;
            }

            bool passed;
            try
            {
                passed = Converter.Convert(result, HclType.Bool).AsBool();
            }
            catch (ConversionException e)
            {
                _diagnostics.Add("Invalid variable validation result", $"Invalid validation condition result value: {e.Message}.", condition.Expression.Range);
                continue;
            }

            if (!passed)
            {
                _diagnostics.Add($"Invalid value for {variable.From} variable", $"{message}\n\nThis was checked by the validation rule at {declRange}.", variable.ValueRange ?? declRange);
            }
        }
    }

    /// <remarks>A value that does not convert is reported and becomes <c>cty.DynamicVal</c>, as jobspec2 does, so the
    /// variable counts as set (no "Unset variable" after the conversion error).</remarks>
    private HclValue? ConvertInput(Variable variable, HclValue value, SourceRange? range, string summary, string detail)
    {
        if (variable.Type is not { } type)
        {
            return value;
        }

        try
        {
            return Converter.Convert(value, type);
        }
        catch (ConversionException e)
        {
            _diagnostics.Add(summary, $"{detail}: {e.Message}.", range);
            return HclValue.DynamicUnknown;
        }
    }

    private void EvaluateLocals(Body body)
    {
        var pending = new List<Syntax.Attribute>();
        foreach (var block in body.Blocks.Where(b => b.Type == "locals"))
        {
            // parseLocalVariables' "Duplicate value in locals" check looks in the locals evaluated so far, which are
            // none yet, so it never fires: a local defined twice is queued twice and the later evaluation wins.
            pending.AddRange(block.Body.Attributes);
        }

        // jobspec2's evaluateLocalVariables: a queue in which a failing local goes to the back; once a whole pass makes
        // no progress (the queue's length unchanged), 100 more failures are allowed and the local failing then is
        // reported. Nomad fills the queue in Go map order, which for one block's locals is a rotation of the source
        // order; the source order is used here.
        var queue = new Queue<Syntax.Attribute>(pending);
        int retry = 0, previousLength = 0;
        while (queue.Count > 0)
        {
            var local = queue.Peek();
            try
            {
                _locals[local.Name] = Evaluator.Evaluate(local.Expression, Context());
                retry = 0;
            }
            catch (EvaluationException e)
            {
                if (queue.Count == 1 || (previousLength == queue.Count && retry == 100))
                {
                    _diagnostics.AddRange(e.Diagnostics);
                    return;
                }

                if (previousLength == queue.Count)
                {
                    retry++;
                }

                previousLength = queue.Count;
                queue.Enqueue(local);
            }

            queue.Dequeue();
        }
    }

    /// <summary>jobspec2's normalizeJob: name and ID from the label, periodic spec type, reserved ports, default identity.</summary>
    private static void Normalize(JsonObject job, string id)
    {
        if (job["Name"] is null)
        {
            job["Name"] = id;
        }

        if (job["ID"] is null)
        {
            job["ID"] = id;
        }

        if (job["Periodic"] is JsonObject periodic && (periodic["Spec"] is not null || periodic["Specs"] is not null))
        {
            periodic["SpecType"] = "cron";
        }

        foreach (var group in (job["TaskGroups"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            NormalizePorts(group["Networks"] as JsonArray);
            foreach (var task in (group["Tasks"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                NormalizePorts((task["Resources"] as JsonObject)?["Networks"] as JsonArray);
                if (task["Vault"] is JsonObject vault)
                {
                    vault["Env"] ??= true;
                    vault["DisableFile"] ??= false;
                    vault["ChangeMode"] ??= "restart";
                }

                if (task["Identities"] is JsonArray identities)
                {
                    var index = identities.OfType<JsonObject>().ToList().FindIndex(i => (i["Name"]?.GetValue<string>() ?? "") is "" or "default");
                    if (index >= 0)
                    {
                        task["Identity"] = identities[index]!.DeepClone();
                        identities.RemoveAt(index);
                    }
                }
            }
        }
    }

    private static void NormalizePorts(JsonArray? networks)
    {
        foreach (var network in networks?.OfType<JsonObject>() ?? [])
        {
            if (network["DynamicPorts"] is not JsonArray { Count: > 0 } ports)
            {
                continue;
            }

            var dynamic = new JsonArray();
            var reserved = new JsonArray();
            foreach (var port in ports.OfType<JsonObject>())
            {
                (port["Value"] is { } value && long.TryParse(value.ToJsonString(), out var number) && number > 0 ? reserved : dynamic).Add(port.DeepClone());
            }

            network["DynamicPorts"] = dynamic.Count == 0 ? null : dynamic;
            network["ReservedPorts"] = reserved.Count == 0 ? null : reserved;
        }
    }
}
