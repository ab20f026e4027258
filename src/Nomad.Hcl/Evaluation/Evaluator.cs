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
            diagnostics.AddRange([e.Diagnostic]);
            return null;
        }
    }

    private static EvaluationException Error(string summary, string detail, SourceRange range) => new(new HclDiagnostic(summary, detail, range));

    /// <summary>Evaluates an expression, throwing <see cref="EvaluationException"/> on error.</summary>
    public static HclValue Evaluate(Expression expression, EvaluationContext context)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return literal.Value;
            case FailedExpression failed:
                throw new EvaluationException(failed.Diagnostics[0]);
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
                return GetAttribute(Evaluate(getAttr.Source, context), getAttr.Name, getAttr.NameRange, getAttr.Range);
            case IndexExpression index:
                return Index(Evaluate(index.Source, context), Evaluate(index.Key, context), index.BracketRange);
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
                return Operators.Binary(binary, Evaluate(binary.Left, context), Evaluate(binary.Right, context));
            case UnaryExpression unary:
                return Operators.Unary(unary, Evaluate(unary.Operand, context));
            case TupleExpression tuple:
                return HclValue.Tuple([.. tuple.Items.Select(i => Evaluate(i, context))]);
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

        var sb = new StringBuilder();
        var known = true;
        foreach (var part in template.Parts)
        {
            var value = Evaluate(part, context);
            if (value.IsNull)
            {
                throw Error("Invalid template interpolation value", "The expression result is null. Cannot include a null value in a string template.", part.Range);
            }

            if (!value.IsKnown)
            {
                // hclsyntax: the result is unknown, but the remaining parts are still evaluated for their errors.
                known = false;
                continue;
            }

            try
            {
                sb.Append(Converter.Convert(value, HclType.String).AsString());
            }
            catch (ConversionException e)
            {
                throw Error("Invalid template interpolation value", $"Cannot include the given value in a string template: {e.Message}.", part.Range);
            }
        }

        // A template's result is never null (hclsyntax refines it so).
        return known ? HclValue.String(sb.ToString()) : HclValue.Unknown(HclType.String, notNull: true);
    }

    private static HclValue Join(TemplateJoinExpression join, EvaluationContext context)
    {
        var tuple = Evaluate(join.Tuple, context);
        if (!tuple.IsKnown)
        {
            return HclValue.Unknown(HclType.String);
        }

        var sb = new StringBuilder();
        foreach (var element in tuple.Elements)
        {
            if (element.IsNull)
            {
                throw Error("Invalid template interpolation value", "An iteration result is null. Cannot include a null value in a string template.", join.Range);
            }

            if (!element.IsKnown)
            {
                return HclValue.Unknown(HclType.String);
            }

            sb.Append(Converter.Convert(element, HclType.String).AsString());
        }

        return HclValue.String(sb.ToString());
    }

    /// <summary>
    /// hclsyntax's ConditionalExpr: both results are evaluated first (the one not chosen only for its type; its errors
    /// are dropped) and their types unified, then the condition decides; an unknown condition gives an unknown result
    /// of the unified type.
    /// </summary>
    private static HclValue Conditional(ConditionalExpression conditional, EvaluationContext context)
    {
        var (trueResult, trueError) = EvaluateKeepingError(conditional.TrueResult, context);
        var (falseResult, falseError) = EvaluateKeepingError(conditional.FalseResult, context);
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

        var condition = Evaluate(conditional.Condition, context);
        if (condition.IsNull)
        {
            throw Error("Null condition", "The condition value is null. Conditions must either be true or false.", conditional.Condition.Range);
        }

        if (!condition.IsKnown)
        {
            return trueResult.IsNull && falseResult.IsNull ? HclValue.NullOf(resultType) : UnknownConditional(resultType, trueResult, falseResult);
        }

        bool flag;
        try
        {
            flag = Converter.Convert(condition, HclType.Bool).AsBool();
        }
        catch (ConversionException)
        {
            throw Error("Incorrect condition type", "The condition expression must be of type bool.", conditional.Condition.Range);
        }

        var (chosen, error, expression) = flag ? (trueResult, trueError, conditional.TrueResult) : (falseResult, falseError, conditional.FalseResult);
        if (error is not null)
        {
            throw error;
        }

        try
        {
            return Converter.Convert(chosen, resultType);
        }
        catch (ConversionException e)
        {
            throw Error("Inconsistent conditional result types", $"The {(flag ? "true" : "false")} result value has the wrong type: {e.Message}.", expression.Range);
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

    private static (HclValue Value, EvaluationException? Error) EvaluateKeepingError(Expression expression, EvaluationContext context)
    {
        try
        {
            return (Evaluate(expression, context), null);
        }
        catch (EvaluationException e)
        {
            return (HclValue.DynamicUnknown, e);
        }
    }

    private static HclValue Object(ObjectExpression obj, EvaluationContext context)
    {
        var attributes = new SortedDictionary<string, HclValue>(StringComparer.Ordinal);
        var known = true;
        foreach (var item in obj.Items)
        {
            // hclsyntax evaluates the key, then the value, and reports a null key on the value's range.
            var key = Evaluate(item.Key, context);
            if (key.IsNull)
            {
                Evaluate(item.Value, context);
                throw Error("Null value as key", "Can't use a null value as a key.", item.Value.Range);
            }

            string name;
            try
            {
                name = Converter.Convert(key, HclType.String).AsString();
            }
            catch (ConversionException e)
            {
                throw Error("Incorrect key type", $"Can't use this value as a key: {e.Message}.", item.Key.Range);
            }

            var itemValue = Evaluate(item.Value, context);
            if (!key.IsKnown)
            {
                known = false;
                continue;
            }

            attributes[name] = itemValue;
        }

        return known ? HclValue.Object(attributes) : HclValue.DynamicUnknown;
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

        var args = new List<HclValue>();
        var argRanges = new List<SourceRange>();
        var argStarts = new List<SourceRange>();
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            var value = Evaluate(call.Arguments[i], context);
            if (call.ExpandFinal && i == call.Arguments.Count - 1)
            {
                if (value.IsNull)
                {
                    throw Error("Invalid expanding argument value", "The expanding argument (indicated by ...) must not be null.", call.Arguments[i].Range);
                }

                if (value.Type.Kind == HclTypeKind.Dynamic || (!value.IsKnown && value.Type.Kind is HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple))
                {
                    // hclsyntax: with an unknown expanding argument the number of arguments is unknown.
                    return HclValue.DynamicUnknown;
                }

                if (value.Type.Kind is not (HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple))
                {
                    throw Error("Invalid expanding argument value", "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", call.Arguments[i].Range);
                }

                foreach (var element in value.Elements)
                {
                    args.Add(element);
                    argRanges.Add(call.Arguments[i].Range);

                    // hclsyntax makes each element a literal spanning the whole expanded expression.
                    argStarts.Add(call.Arguments[i].Range);
                }

                continue;
            }

            args.Add(value);
            argRanges.Add(call.Arguments[i].Range);
            argStarts.Add(ExpressionRanges.Start(call.Arguments[i]));
        }

        return FunctionCaller.Invoke(call, function, args, argRanges, argStarts);
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

    private static HclValue For(ForExpression forExpr, EvaluationContext context)
    {
        var collection = Evaluate(forExpr.Collection, context);
        if (collection.IsNull)
        {
            throw Error("Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.", forExpr.Collection.Range);
        }

        if (collection.Type.Kind == HclTypeKind.Dynamic)
        {
            return HclValue.DynamicUnknown;
        }

        var pairs = new List<(HclValue Key, HclValue Value)>();
        switch (collection.Type.Kind)
        {
            case HclTypeKind.List or HclTypeKind.Set or HclTypeKind.Tuple:
                for (var i = 0; i < collection.Elements.Count; i++)
                {
                    pairs.Add((collection.Type.Kind == HclTypeKind.Set ? collection.Elements[i] : HclValue.Number(i), collection.Elements[i]));
                }

                break;
            case HclTypeKind.Map or HclTypeKind.Object:
                pairs.AddRange(collection.Attributes.Select(a => (HclValue.String(a.Key), a.Value)));
                break;
            default:
                throw Error("Iteration over non-iterable value", $"A value of type {collection.Type.FriendlyName} cannot be used as the collection in a 'for' expression.", forExpr.Collection.Range);
        }

        if (!collection.IsKnown)
        {
            return HclValue.DynamicUnknown;
        }

        // hclsyntax: an unknown condition or key makes the whole result cty.DynamicVal (the rest is still evaluated).
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
                var cond = Evaluate(condExpr, child);
                if (cond.IsNull)
                {
                    throw Error("Condition is null", "The value of the 'if' clause must not be null.", condExpr.Range);
                }

                try
                {
                    var include = Converter.Convert(cond, HclType.Bool);
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
                catch (ConversionException e)
                {
                    throw Error("Invalid 'for' condition", $"The 'if' clause value is invalid: {e.Message}.", condExpr.Range);
                }
            }

            if (forExpr.KeyResult is null)
            {
                tupleItems.Add(Evaluate(forExpr.ValueResult, child));
                continue;
            }

            var keyValue = Evaluate(forExpr.KeyResult, child);
            if (keyValue.IsNull)
            {
                throw Error("Invalid object key", "Key expression in 'for' expression must not produce a null value.", forExpr.KeyResult.Range);
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
                throw Error("Invalid object key", $"The key expression produced an invalid result: {e.Message}.", forExpr.KeyResult.Range);
            }

            var itemValue = Evaluate(forExpr.ValueResult, child);
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
                throw Error("Duplicate object key", $"Two different items produced the key \"{name}\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.", forExpr.KeyResult.Range);
            }

            objectItems[name] = itemValue;
        }

        if (!known)
        {
            return HclValue.DynamicUnknown;
        }

        if (forExpr.KeyResult is null)
        {
            return HclValue.Tuple(tupleItems);
        }

        if (forExpr.Group)
        {
            foreach (var (k, list) in groups)
            {
                objectItems[k] = HclValue.Tuple(list);
            }
        }

        return HclValue.Object(objectItems);
    }

    private static HclValue Splat(SplatExpression splat, EvaluationContext context)
    {
        var source = Evaluate(splat.Source, context);
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
        foreach (var element in elements)
        {
            var child = context.WithChild(new Dictionary<string, HclValue>(StringComparer.Ordinal) { [SplatItemName] = element });
            results.Add(Evaluate(splat.Each, child));
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
