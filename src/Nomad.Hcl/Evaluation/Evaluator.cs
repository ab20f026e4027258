using System.Text;
using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Functions;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Evaluation;

/// <summary>
/// Evaluates expressions as hclsyntax does. Errors throw <see cref="EvaluationException"/> with HCL's
/// summary and detail; <see cref="TryEvaluate"/> turns them into diagnostics.
/// </summary>
public static class Evaluator
{
    /// <summary>Evaluates, recording an error as a diagnostic and answering null.</summary>
    public static HclValue? TryEvaluate(Expression expression, EvaluationContext context, DiagnosticBag diagnostics)
    {
        try
        {
            return Evaluate(expression, context);
        }
        catch (EvaluationException e)
        {
            diagnostics.AddRange(e.Diagnostics);
            return null;
        }
    }

    /// <summary>Evaluates a part of an expression, recording its errors and answering the value hcl goes on with.</summary>
    internal static HclValue Sub(Expression expression, EvaluationContext context, List<HclDiagnostic> diagnostics)
    {
        try
        {
            return Evaluate(expression, context);
        }
        catch (EvaluationException e)
        {
            diagnostics.AddRange(e.Diagnostics);
            return e.Value;
        }
    }

    /// <summary>Runs a step that may fail, recording its errors and answering the value hcl goes on with.</summary>
    private static HclValue Step(Func<HclValue> step, List<HclDiagnostic> diagnostics)
    {
        try
        {
            return step();
        }
        catch (EvaluationException e)
        {
            diagnostics.AddRange(e.Diagnostics);
            return e.Value;
        }
    }

    /// <summary>The value, or, when errors were recorded, those errors with that value.</summary>
    internal static HclValue Finish(List<HclDiagnostic> diagnostics, HclValue value) =>
        diagnostics.Count == 0 ? value : throw new EvaluationException(diagnostics, value);

    private static EvaluationException Error(string summary, string detail, SourceRange range) => new(new HclDiagnostic(summary, detail, range));

    /// <summary>Evaluates an expression, throwing <see cref="EvaluationException"/> on error.</summary>
    public static HclValue Evaluate(Expression expression, EvaluationContext context)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return literal.Value;
            case FailedExpression failed:
                throw new EvaluationException(failed.Diagnostics, HclValue.DynamicUnknown);
            case VariableExpression or GetAttrExpression or IndexExpression when UndefinedRoot(expression, context) is { } placeholder:
                return placeholder;
            case VariableExpression variable:
                if (context.TryLookup(variable.Name, out var value))
                {
                    return value;
                }

                throw context.VariablesAllowed
                    ? Error("Unknown variable", $"There is no variable named \"{variable.Name}\".{VariableSuggestion(variable.Name, context)}", variable.Range)
                    : Error("Variables not allowed", "Variables may not be used here.", variable.Range);
            case GetAttrExpression getAttr:
                {
                    var diagnostics = new List<HclDiagnostic>();
                    var source = Sub(getAttr.Source, context, diagnostics);
                    return Finish(diagnostics, Step(() => GetAttribute(source, getAttr.Name, getAttr.NameRange, getAttr.Range), diagnostics));
                }

            case IndexExpression index:
                {
                    // hclsyntax's IndexExpr: the collection's and the key's errors, then the index's.
                    var diagnostics = new List<HclDiagnostic>();
                    var collection = Sub(index.Source, context, diagnostics);
                    var key = Sub(index.Key, context, diagnostics);
                    return Finish(diagnostics, Step(() => Index(collection, key, index.BracketRange), diagnostics));
                }

            case ParenthesesExpression parens:
                return Evaluate(parens.Inner, context);
            case TemplateWrapExpression wrap:
                return Evaluate(wrap.Wrapped, context);
            case TemplateExpression template:
                return Template(template, context);
            case TemplateJoinExpression join:
                return Join(join, context);
            case ConditionalExpression conditional:
                return Conditional(conditional, context);
            case BinaryExpression binary:
                {
                    // hclsyntax's BinaryOpExpr: both operands' errors, then their conversions'; with any error the
                    // result is an unknown of the operator's type.
                    var diagnostics = new List<HclDiagnostic>();
                    var left = Sub(binary.Left, context, diagnostics);
                    var right = Sub(binary.Right, context, diagnostics);
                    return Operators.Binary(binary, left, right, diagnostics);
                }

            case UnaryExpression unary:
                {
                    var diagnostics = new List<HclDiagnostic>();
                    var operand = Sub(unary.Operand, context, diagnostics);
                    return Operators.Unary(unary, operand, diagnostics);
                }

            case TupleExpression tuple:
                {
                    var diagnostics = new List<HclDiagnostic>();
                    var items = tuple.Items.Select(i => Sub(i, context, diagnostics)).ToList();
                    return Finish(diagnostics, HclValue.Tuple(items));
                }

            case ObjectExpression { Json: true } json:
                return JsonObjects.Evaluate(json, context);
            case ObjectExpression obj:
                return Object(obj, context);
            case ObjectKeyExpression key:
                return ObjectKey(key, context);
            case FunctionCallExpression call:
                return Call(call, context);
            case ForExpression forExpr:
                return For(forExpr, context);
            case SplatExpression splat:
                return Splat(splat, context);
            case AnonymousSymbolExpression anonymous:
                if (context.TryLookup(SplatItemName, out var item))
                {
                    return item;
                }

                throw Error("Invalid expression", "A splat symbol is not valid here.", anonymous.Range);
            default:
                throw Error("Invalid expression", "This expression cannot be evaluated.", expression.Range);
        }
    }

    private const string SplatItemName = "\u0000splat";

    // hcl's TraverseAbs: the first name within edit distance 2, the innermost scope's names first (each scope's in Go
    // map order, random when several qualify; here in name order).
    private static string VariableSuggestion(string name, EvaluationContext context)
    {
        var names = new List<string>();
        for (var scope = context; scope is not null; scope = scope.Parent)
        {
            names.AddRange(scope.Variables.Keys.Where(k => k != SplatItemName).Order(StringComparer.Ordinal));
        }

        return NameSuggestion.Nearest(name, names) is { } suggestion ? $" Did you mean \"{suggestion}\"?" : "";
    }

    private static HclValue? UndefinedRoot(Expression expression, EvaluationContext context)
    {
        if (context.UndefinedVariable is null)
        {
            return null;
        }

        var node = expression;
        while (true)
        {
            switch (node)
            {
                case GetAttrExpression g:
                    node = g.Source;
                    continue;
                case IndexExpression { Key: LiteralExpression } i:
                    node = i.Source;
                    continue;
                case IndexExpression { Key: TemplateExpression { Parts: [] or [LiteralExpression] } } i:
                    // hclsyntax's parser makes a quoted key without interpolation (TemplateExpr.IsStringLiteral) a
                    // traversal step too (also the empty "", which hclsyntax keeps as one empty literal part), so
                    // env["a.b"] is one traversal the fork keeps as text.
                    node = i.Source;
                    continue;
                case VariableExpression v:
                    return context.TryLookup(v.Name, out _) ? null : context.UndefinedVariable(SourceRange.Between(v.Range, expression.Range));
                default:
                    return null;
            }
        }
    }

    /// <summary>Reads <c>value.name</c> as hclsyntax's attribute traversal does.</summary>
    public static HclValue GetAttribute(HclValue value, string name, SourceRange nameRange, SourceRange range)
    {
        if (value.IsNull)
        {
            throw Error("Attempt to get attribute from null value", "This value is null, so it does not have any attributes.", nameRange);
        }

        switch (value.Type.Kind)
        {
            case HclTypeKind.Object when !value.IsKnown:
                // hcl.GetAttr: an unknown object's attribute is unknown of the attribute's type.
                return value.Type.Attributes.TryGetValue(name, out var attrType) ? HclValue.Unknown(attrType)
                    : throw Error("Unsupported attribute", $"This object does not have an attribute named \"{name}\".", nameRange);
            case HclTypeKind.Map when !value.IsKnown:
                return HclValue.Unknown(value.Type.Element!);
            case HclTypeKind.Object:
                if (value.Attributes.TryGetValue(name, out var attr))
                {
                    return attr;
                }

                throw Error("Unsupported attribute", $"This object does not have an attribute named \"{name}\".", nameRange);
            case HclTypeKind.Map:
                if (value.Attributes.TryGetValue(name, out var entry))
                {
                    return entry;
                }

                throw Error("Missing map element", $"This map does not have an element with the key \"{name}\".", nameRange);
            case HclTypeKind.Dynamic:
                return HclValue.DynamicUnknown;
            case HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple:
                throw Error("Unsupported attribute", "This value does not have any attributes.", nameRange);
            default:
                throw Error("Unsupported attribute", $"Can't access attributes on a primitive-typed value ({value.Type.FriendlyName}).", nameRange);
        }
    }

    /// <summary>Reads <c>collection[key]</c> as hcl.Index does.</summary>
    public static HclValue Index(HclValue collection, HclValue key, SourceRange keyRange)
    {
        if (collection.IsNull)
        {
            throw Error("Attempt to index null value", "This value is null, so it does not have any indices.", keyRange);
        }

        if (key.IsNull)
        {
            throw Error("Invalid index", "Can't use a null value as an indexing key.", keyRange);
        }

        if (key.Type.Kind == HclTypeKind.Dynamic || collection.Type.Kind == HclTypeKind.Dynamic)
        {
            // hcl.Index: an index of unknown type, or into a value of unknown type, is cty.DynamicVal.
            return HclValue.DynamicUnknown;
        }

        switch (collection.Type.Kind)
        {
            case HclTypeKind.List or HclTypeKind.Tuple:
                {
                    HclValue number;
                    try
                    {
                        number = Converter.Convert(key, HclType.Number);
                    }
                    catch (ConversionException e)
                    {
                        throw Error("Invalid index", $"The given key does not identify an element in this collection value: {e.Message}.", keyRange);
                    }

                    if (!number.IsKnown || !collection.IsKnown)
                    {
                        return collection.Type.Kind == HclTypeKind.Tuple ? HclValue.DynamicUnknown : HclValue.Unknown(collection.Type.Element!);
                    }

                    var n = number.AsNumber();

                    if (n >= 0 && n < collection.Elements.Count && n == Math.Floor(n))
                    {
                        return collection.Elements[(int)n];
                    }

                    // hcl.Index: the specific texts, except that an index beyond the length (not equal to it) gets the generic one.
                    var count = collection.Elements.Count;
                    var detail = n != Math.Floor(n) ? ": indexing a sequence requires a whole number, but the given index has a fractional part."
                        : n < 0 ? ": a negative number is not a valid index for a sequence."
                        : n > count ? "."
                        : count == 0 ? ": the collection has no elements."
                        : ": the given index is greater than or equal to the length of the collection.";
                    throw Error("Invalid index", "The given key does not identify an element in this collection value" + detail, keyRange);
                }

            case HclTypeKind.Map or HclTypeKind.Object:
                {
                    HclValue text;
                    try
                    {
                        text = Converter.Convert(key, HclType.String);
                    }
                    catch (ConversionException e)
                    {
                        throw Error("Invalid index", $"The given key does not identify an element in this collection value: {e.Message}.", keyRange);
                    }

                    if (!text.IsKnown || !collection.IsKnown)
                    {
                        return collection.Type.Kind == HclTypeKind.Map ? HclValue.Unknown(collection.Type.Element!) : HclValue.DynamicUnknown;
                    }

                    var k = text.AsString();

                    if (collection.Attributes.TryGetValue(k, out var v))
                    {
                        return v;
                    }

                    var byNumber = collection.Type.Kind == HclTypeKind.Object && key.Type.Kind == HclTypeKind.Number
                        ? " An object only supports looking up attributes by name, not by numeric index."
                        : "";
                    throw Error("Invalid index", $"The given key does not identify an element in this collection value.{byNumber}", keyRange);
                }

            case HclTypeKind.Set:
                throw Error("Invalid index", "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.", keyRange);
            default:
                throw Error("Invalid index", "This value does not have any indices.", keyRange);
        }
    }

    private static HclValue Template(TemplateExpression template, EvaluationContext context)
    {
        if (template.Parts.Count == 1 && template.Parts[0] is LiteralExpression only && only.Value.Type.Kind == HclTypeKind.String)
        {
            return only.Value;
        }

        // hclsyntax's TemplateExpr: every part is evaluated and its errors recorded; after an error the text stops
        // growing but stays a known string when every part was known.
        var diagnostics = new List<HclDiagnostic>();
        var sb = new StringBuilder();
        var known = true;
        foreach (var part in template.Parts)
        {
            var value = Sub(part, context, diagnostics);
            if (value.IsNull)
            {
                diagnostics.Add(new HclDiagnostic("Invalid template interpolation value", "The expression result is null. Cannot include a null value in a string template.", part.Range));
                continue;
            }

            if (!value.IsKnown)
            {
                // hclsyntax: the result is unknown, but the remaining parts are still evaluated for their errors.
                known = false;
                continue;
            }

            string text;
            try
            {
                text = Converter.Convert(value, HclType.String).AsString();
            }
            catch (ConversionException e)
            {
                diagnostics.Add(new HclDiagnostic("Invalid template interpolation value", $"Cannot include the given value in a string template: {e.Message}.", part.Range));
                continue;
            }

            if (known && diagnostics.Count == 0)
            {
                sb.Append(text);
            }
        }

        // A template's result is never null (hclsyntax refines it so).
        return Finish(diagnostics, known ? HclValue.String(sb.ToString()) : HclValue.Unknown(HclType.String, notNull: true));
    }

    private static HclValue Join(TemplateJoinExpression join, EvaluationContext context)
    {
        var diagnostics = new List<HclDiagnostic>();
        var tuple = Sub(join.Tuple, context, diagnostics);
        if (tuple.Type.Kind == HclTypeKind.Dynamic || !tuple.IsKnown)
        {
            return Finish(diagnostics, HclValue.Unknown(HclType.String));
        }

        var sb = new StringBuilder();
        foreach (var element in tuple.Elements)
        {
            if (element.IsNull)
            {
                diagnostics.Add(new HclDiagnostic("Invalid template interpolation value", "An iteration result is null. Cannot include a null value in a string template.", join.Range));
                continue;
            }

            if (element.Type.Kind == HclTypeKind.Dynamic)
            {
                return Finish(diagnostics, HclValue.Unknown(HclType.String));
            }

            HclValue text;
            try
            {
                text = Converter.Convert(element, HclType.String);
            }
            catch (ConversionException e)
            {
                diagnostics.Add(new HclDiagnostic("Invalid template interpolation value", $"Cannot include one of the interpolation results into the string template: {e.Message}.", join.Range));
                continue;
            }

            if (!element.IsKnown)
            {
                return Finish(diagnostics, HclValue.Unknown(HclType.String));
            }

            sb.Append(text.AsString());
        }

        return Finish(diagnostics, HclValue.String(sb.ToString()));
    }

    /// <summary>
    /// hclsyntax's ConditionalExpr: both results are evaluated first (the one not chosen only for its type; its errors
    /// are dropped) and their types unified, then the condition decides; an unknown condition gives an unknown result
    /// of the unified type.
    /// </summary>
    private static HclValue Conditional(ConditionalExpression conditional, EvaluationContext context)
    {
        var trueDiagnostics = new List<HclDiagnostic>();
        var falseDiagnostics = new List<HclDiagnostic>();
        var trueResult = Sub(conditional.TrueResult, context, trueDiagnostics);
        var falseResult = Sub(conditional.FalseResult, context, falseDiagnostics);
        var resultType = HclType.Dynamic;
        var trueIsNull = trueResult.IsNull && trueResult.Type.Kind == HclTypeKind.Dynamic;
        var falseIsNull = falseResult.IsNull && falseResult.Type.Kind == HclTypeKind.Dynamic;
        if (trueIsNull)
        {
            resultType = falseResult.Type;
        }
        else if (falseIsNull)
        {
            resultType = trueResult.Type;
        }
        else if (trueResult.Type.Kind != HclTypeKind.Dynamic && falseResult.Type.Kind != HclTypeKind.Dynamic)
        {
            resultType = TypeConversion.Unify([trueResult.Type, falseResult.Type])
                ?? throw Error("Inconsistent conditional result types",
                    $"The true and false result expressions must have consistent types. {ConditionalMismatch.Describe(trueResult.Type, falseResult.Type)}.",
                    SourceRange.Between(conditional.TrueResult.Range, conditional.FalseResult.Range));
        }

        // The condition's errors always count, a result's only when it is chosen.
        var diagnostics = new List<HclDiagnostic>();
        var condition = Sub(conditional.Condition, context, diagnostics);
        if (condition.IsNull)
        {
            diagnostics.Add(new HclDiagnostic("Null condition", "The condition value is null. Conditions must either be true or false.", conditional.Condition.Range));
            return Finish(diagnostics, HclValue.Unknown(resultType));
        }

        if (!condition.IsKnown)
        {
            return Finish(diagnostics, trueResult.IsNull && falseResult.IsNull ? HclValue.NullOf(resultType) : UnknownConditional(resultType, trueResult, falseResult));
        }

        bool flag;
        try
        {
            flag = Converter.Convert(condition, HclType.Bool).AsBool();
        }
        catch (ConversionException)
        {
            diagnostics.Add(new HclDiagnostic("Incorrect condition type", "The condition expression must be of type bool.", conditional.Condition.Range));
            return Finish(diagnostics, HclValue.Unknown(resultType));
        }

        var (chosen, chosenDiagnostics, expression) = flag ? (trueResult, trueDiagnostics, conditional.TrueResult) : (falseResult, falseDiagnostics, conditional.FalseResult);
        diagnostics.AddRange(chosenDiagnostics);
        try
        {
            return Finish(diagnostics, Converter.Convert(chosen, resultType));
        }
        catch (ConversionException e)
        {
            diagnostics.Add(new HclDiagnostic("Inconsistent conditional result types", $"The {(flag ? "true" : "false")} result value has the wrong type: {e.Message}.", expression.Range));
            return Finish(diagnostics, HclValue.Unknown(resultType));
        }
    }

    // hclsyntax: the result of an unknown condition is not null when neither result can be, and a collection's length
    // is known when both results have the same type and the same known length.
    private static HclValue UnknownConditional(HclType resultType, HclValue trueResult, HclValue falseResult)
    {
        var notNull = trueResult.DefinitelyNotNull && falseResult.DefinitelyNotNull;
        static int Length(HclValue v) => v.IsKnown ? (v.IsNull ? -1 : v.Length) : v.KnownLength;
        var length = trueResult.Type.IsCollection && TypeConversion.Same(trueResult.Type, falseResult.Type) &&
            Length(trueResult) >= 0 && Length(trueResult) == Length(falseResult) ? Length(trueResult) : -1;
        return HclValue.Unknown(resultType, length, notNull);
    }

    private static HclValue Object(ObjectExpression obj, EvaluationContext context)
    {
        // hclsyntax's ObjectConsExpr: every key and value is evaluated for its errors; a key that fails or is not
        // known makes the object cty.DynamicVal.
        var diagnostics = new List<HclDiagnostic>();
        var attributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        var known = true;
        foreach (var item in obj.Items)
        {
            var keyDiagnostics = new List<HclDiagnostic>();
            var key = Sub(item.Key, context, keyDiagnostics);
            diagnostics.AddRange(keyDiagnostics);
            var itemValue = Sub(item.Value, context, diagnostics);
            if (keyDiagnostics.Count > 0)
            {
                known = false;
                continue;
            }

            if (key.IsNull)
            {
                // Reported on the value's range, as hclsyntax does.
                diagnostics.Add(new HclDiagnostic("Null value as key", "Can't use a null value as a key.", item.Value.Range));
                known = false;
                continue;
            }

            HclValue name;
            try
            {
                name = Converter.Convert(key, HclType.String);
            }
            catch (ConversionException e)
            {
                diagnostics.Add(new HclDiagnostic("Incorrect key type", $"Can't use this value as a key: {e.Message}.", item.Key.Range));
                known = false;
                continue;
            }

            if (!name.IsKnown)
            {
                known = false;
                continue;
            }

            attributes[name.AsString()] = itemValue;
        }

        return Finish(diagnostics, known ? HclValue.Object(attributes) : HclValue.DynamicUnknown);
    }

    private static HclValue ObjectKey(ObjectKeyExpression key, EvaluationContext context)
    {
        if (!key.ForceNonLiteral && key.Wrapped is VariableExpression bare)
        {
            return HclValue.String(bare.Name);
        }

        // hcl.ExprAsKeyword: the keywords null, true and false (already literals) are names here too.
        if (!key.ForceNonLiteral && key.Wrapped is LiteralExpression { Value: var literal } && (literal.IsNull || literal.Type.Kind == HclTypeKind.Bool))
        {
            return HclValue.String(literal.IsNull ? "null" : literal.AsBool() ? "true" : "false");
        }

        return Evaluate(key.Wrapped, context);
    }

    private static HclValue Call(FunctionCallExpression call, EvaluationContext context)
    {
        if (!context.FunctionsAllowed)
        {
            throw Error("Function calls not allowed", "Functions may not be called here.", call.Range);
        }

        if (!context.Functions.TryGetValue(call.Name, out var function))
        {
            // hclsyntax: the first function name within edit distance 2, in Go map order (random when several are);
            // here the nearest one.
            throw FunctionCaller.UnknownFunction(call, context.Functions.Keys
                .OrderBy(n => NameSuggestion.Distance(call.Name, n)).ThenBy(n => n, StringComparer.Ordinal));
        }

        if (call.Name is "try" or "can")
        {
            return TryOrCan(call, context);
        }

        if (call.Name == ConvertFunction.Name)
        {
            return ConvertFunction.Invoke(call, context);
        }

        // hclsyntax's FunctionCallExpr: an expanding argument is evaluated first (its errors end the call), then the
        // argument count is checked, then every argument is evaluated and converted, each one's errors recorded; with
        // any error the function is not called and the result is cty.DynamicVal.
        var argExpressions = new List<Expression?>();
        var args = new List<HclValue>();
        var argRanges = new List<SourceRange>();
        var argStarts = new List<SourceRange>();
        var fixedArguments = call.ExpandFinal ? call.Arguments.Count - 1 : call.Arguments.Count;
        for (var i = 0; i < fixedArguments; i++)
        {
            argExpressions.Add(call.Arguments[i]);
            args.Add(HclValue.DynamicUnknown);
            argRanges.Add(call.Arguments[i].Range);
            argStarts.Add(ExpressionRanges.Start(call.Arguments[i]));
        }

        if (call.ExpandFinal)
        {
            var expand = call.Arguments[^1];
            var value = Evaluate(expand, context);
            if (value.IsNull)
            {
                throw Error("Invalid expanding argument value", "The expanding argument (indicated by ...) must not be null.", expand.Range);
            }

            if (value.Type.Kind == HclTypeKind.Dynamic || (!value.IsKnown && value.Type.Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple))
            {
                // hclsyntax: with an unknown expanding argument the number of arguments is unknown.
                return HclValue.DynamicUnknown;
            }

            if (value.Type.Kind is not (HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple))
            {
                throw Error("Invalid expanding argument value", "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", expand.Range);
            }

            foreach (var element in value.Elements)
            {
                argExpressions.Add(null);
                args.Add(element);
                argRanges.Add(expand.Range);

                // hclsyntax makes each element a literal spanning the whole expanded expression.
                argStarts.Add(expand.Range);
            }
        }

        FunctionCaller.CheckArgumentCount(call, function, args.Count, argStarts);
        var argDiagnostics = new List<HclDiagnostic>[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            argDiagnostics[i] = [];
            if (argExpressions[i] is { } expression)
            {
                args[i] = Sub(expression, context, argDiagnostics[i]);
            }
        }

        return FunctionCaller.Invoke(call, function, args, argRanges, argStarts, argDiagnostics);
    }

    private static HclValue TryOrCan(FunctionCallExpression call, EvaluationContext context)
    {
        if (call.Name == "can")
        {
            if (call.Arguments.Count != 1)
            {
                throw Error(call.Arguments.Count == 0 ? "Not enough function arguments" : "Too many function arguments",
                    call.Arguments.Count == 0 ? "Function \"can\" expects 1 argument(s). Missing value for \"expression\"." : "Function \"can\" expects only 1 argument(s).",
                    call.Arguments.Count == 0 ? call.CloseParenRange : ExpressionRanges.Start(call.Arguments[1]));
            }

            HclValue result;
            try
            {
                result = Evaluate(call.Arguments[0], context);
            }
            catch (EvaluationException)
            {
                return HclValue.False;
            }

            // tryfunc's can: a value not wholly known may still fail once known, so the answer is unknown.
            return result.IsWhollyKnown ? HclValue.True : HclValue.Unknown(HclType.Bool);
        }

        if (call.Arguments.Count == 0)
        {
            throw Error("Error in function call", "Call to function \"try\" failed: at least one argument is required.", SourceRange.Between(call.NameRange, call.OpenParenRange));
        }

        foreach (var argument in call.Arguments)
        {
            HclValue result;
            try
            {
                result = Evaluate(argument, context);
            }
            catch (EvaluationException)
            {
                // tryfunc: an error tries the next expression.
                continue;
            }

            // tryfunc: a value not wholly known might still fail later, so try's result is cty.DynamicVal.
            return result.IsWhollyKnown ? result : HclValue.DynamicUnknown;
        }

        throw Error("Error in function call", "Call to function \"try\" failed: no expression succeeded:\n", SourceRange.Between(call.NameRange, call.OpenParenRange));
    }

    /// <summary>hclsyntax's ForExpr, with its order of checks and its rule that only the first bad condition or key is reported.</summary>
    private static HclValue For(ForExpression forExpr, EvaluationContext context)
    {
        var diagnostics = new List<HclDiagnostic>();
        var collection = Sub(forExpr.Collection, context, diagnostics);
        if (collection.IsNull)
        {
            diagnostics.Add(new HclDiagnostic("Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.", forExpr.Collection.Range));
            return Finish(diagnostics, HclValue.DynamicUnknown);
        }

        if (collection.Type.Kind == HclTypeKind.Dynamic)
        {
            return Finish(diagnostics, HclValue.DynamicUnknown);
        }

        if (collection.Type.Kind is not (HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple or HclTypeKind.Map or HclTypeKind.Object))
        {
            diagnostics.Add(new HclDiagnostic("Iteration over non-iterable value", $"A value of type {collection.Type.FriendlyName} cannot be used as the collection in a 'for' expression.", forExpr.Collection.Range));
            return Finish(diagnostics, HclValue.DynamicUnknown);
        }

        if (!collection.IsKnown)
        {
            return Finish(diagnostics, HclValue.DynamicUnknown);
        }

        var pairs = new List<(HclValue Key, HclValue Value)>();
        if (collection.Type.Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple)
        {
            for (var i = 0; i < collection.Elements.Count; i++)
            {
                pairs.Add((collection.Type.Kind == HclTypeKind.Set ? collection.Elements[i] : HclValue.Number(i), collection.Elements[i]));
            }
        }
        else
        {
            pairs.AddRange(collection.Attributes.Select(a => (HclValue.String(a.Key), a.Value)));
        }

        if (forExpr.Condition is { } condition)
        {
            // hclsyntax first evaluates the condition with unknown symbols, for the errors that do not depend on them.
            var symbols = new Dictionary<string, HclValue>(StringComparer.Ordinal) { [forExpr.ValueVariable] = HclValue.DynamicUnknown };
            if (forExpr.KeyVariable is { } key)
            {
                symbols[key] = HclValue.DynamicUnknown;
            }

            var conditionDiagnostics = new List<HclDiagnostic>();
            var result = Sub(condition, context.WithChild(symbols), conditionDiagnostics);
            diagnostics.AddRange(conditionDiagnostics);
            if (result.IsNull)
            {
                diagnostics.Add(new HclDiagnostic("Condition is null", "The value of the 'if' clause must not be null.", condition.Range));
                return Finish(diagnostics, HclValue.DynamicUnknown);
            }

            try
            {
                Converter.Convert(result, HclType.Bool);
            }
            catch (ConversionException e)
            {
                diagnostics.Add(new HclDiagnostic("Invalid 'for' condition", $"The 'if' clause value is invalid: {e.Message}.", condition.Range));
                return Finish(diagnostics, HclValue.DynamicUnknown);
            }

            if (conditionDiagnostics.Count > 0)
            {
                return Finish(diagnostics, HclValue.DynamicUnknown);
            }
        }

        // An unknown or refused condition or key makes the whole result cty.DynamicVal (the rest is still evaluated);
        // only the first refused one is reported.
        var known = true;
        var tupleItems = new List<HclValue>();
        var objectItems = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        var groups = new SortedDictionary<string, List<HclValue>>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            var scope = new Dictionary<string, HclValue>(StringComparer.Ordinal) { [forExpr.ValueVariable] = value };
            if (forExpr.KeyVariable is { } keyVar)
            {
                scope[keyVar] = key;
            }

            var child = context.WithChild(scope);
            if (forExpr.Condition is { } condExpr)
            {
                var cond = Sub(condExpr, child, diagnostics);
                if (cond.IsNull)
                {
                    if (known)
                    {
                        diagnostics.Add(new HclDiagnostic("Invalid 'for' condition", "The value of the 'if' clause must not be null.", condExpr.Range));
                    }

                    known = false;
                    continue;
                }

                if (forExpr.KeyResult is null && !cond.IsKnown)
                {
                    known = false;
                    continue;
                }

                HclValue include;
                try
                {
                    include = Converter.Convert(cond, HclType.Bool);
                }
                catch (ConversionException e)
                {
                    if (known)
                    {
                        diagnostics.Add(new HclDiagnostic("Invalid 'for' condition", $"The 'if' clause value is invalid: {e.Message}.", condExpr.Range));
                    }

                    known = false;
                    continue;
                }

                if (!include.IsKnown)
                {
                    known = false;
                    continue;
                }

                if (!include.AsBool())
                {
                    continue;
                }
            }

            if (forExpr.KeyResult is null)
            {
                tupleItems.Add(Sub(forExpr.ValueResult, child, diagnostics));
                continue;
            }

            var keyValue = Sub(forExpr.KeyResult, child, diagnostics);
            if (keyValue.IsNull)
            {
                if (known)
                {
                    diagnostics.Add(new HclDiagnostic("Invalid object key", "Key expression in 'for' expression must not produce a null value.", forExpr.KeyResult.Range));
                }

                known = false;
                continue;
            }

            if (!keyValue.IsKnown)
            {
                known = false;
                continue;
            }

            string name;
            try
            {
                name = Converter.Convert(keyValue, HclType.String).AsString();
            }
            catch (ConversionException e)
            {
                if (known)
                {
                    diagnostics.Add(new HclDiagnostic("Invalid object key", $"The key expression produced an invalid result: {e.Message}.", forExpr.KeyResult.Range));
                }

                known = false;
                continue;
            }

            var itemValue = Sub(forExpr.ValueResult, child, diagnostics);
            if (forExpr.Group)
            {
                if (!groups.TryGetValue(name, out var list))
                {
                    groups[name] = list = [];
                }

                list.Add(itemValue);
                continue;
            }

            if (objectItems.ContainsKey(name))
            {
                diagnostics.Add(new HclDiagnostic("Duplicate object key", $"Two different items produced the key \"{name}\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.", forExpr.KeyResult.Range));
                continue;
            }

            objectItems[name] = itemValue;
        }

        if (!known)
        {
            return Finish(diagnostics, HclValue.DynamicUnknown);
        }

        if (forExpr.KeyResult is null)
        {
            return Finish(diagnostics, HclValue.Tuple(tupleItems));
        }

        if (forExpr.Group)
        {
            foreach (var (k, list) in groups)
            {
                objectItems[k] = HclValue.Tuple(list);
            }
        }

        return Finish(diagnostics, HclValue.Object(objectItems));
    }

    private static HclValue Splat(SplatExpression splat, EvaluationContext context)
    {
        var sourceDiagnostics = new List<HclDiagnostic>();
        var source = Sub(splat.Source, context, sourceDiagnostics);
        if (sourceDiagnostics.Count > 0)
        {
            return Finish(sourceDiagnostics, HclValue.DynamicUnknown);
        }

        if (source.IsNull)
        {
            return HclValue.Tuple([]);
        }

        if (source.Type.Kind == HclTypeKind.Dynamic)
        {
            return HclValue.DynamicUnknown;
        }

        var isList = source.Type.Kind is HclTypeKind.List or HclTypeKind.Set;
        if (!source.IsKnown)
        {
            return UnknownSplat(splat, source, isList, context);
        }

        IReadOnlyList<HclValue> elements = source.Type.Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple
            ? source.Elements
            : [source];
        var results = new List<HclValue>();
        var diagnostics = new List<HclDiagnostic>();
        foreach (var element in elements)
        {
            var child = context.WithChild(new Dictionary<string, HclValue>(StringComparer.Ordinal) { [SplatItemName] = element });
            results.Add(Sub(splat.Each, child, diagnostics));
        }

        if (diagnostics.Count > 0)
        {
            return Finish(diagnostics, HclValue.DynamicUnknown);
        }

        if (isList)
        {
            var elementType = Converter.Unify(results, out var converted);
            return HclValue.List(elementType, converted);
        }

        return HclValue.Tuple(results);
    }

    /// <summary>
    /// hclsyntax's splat of an unknown source: the result is unknown, of the type the traversal gives for unknown
    /// elements (a single value upgraded to a tuple gives cty.DynamicVal, as it may turn out null).
    /// </summary>
    private static HclValue UnknownSplat(SplatExpression splat, HclValue source, bool isList, EvaluationContext context)
    {
        HclType Each(HclType element) =>
            Evaluate(splat.Each, context.WithChild(new Dictionary<string, HclValue>(StringComparer.Ordinal) { [SplatItemName] = HclValue.Unknown(element) })).Type;

        if (isList)
        {
            return HclValue.Unknown(HclType.List(Each(source.Type.Element!)), source.KnownLength, notNull: true);
        }

        if (source.Type.Kind == HclTypeKind.Tuple)
        {
            return HclValue.Unknown(HclType.Tuple([.. source.Type.Elements.Select(Each)]), notNull: true);
        }

        Each(source.Type);
        return HclValue.DynamicUnknown;
    }
}
