namespace Nomad.Hcl.Evaluation;

/// <summary>
/// hclsyntax's <c>describeConditionalTypeMismatch</c> (hcl v2.20): why the two results of a conditional have no common
/// type, naming the first differing object attribute (by name) or tuple element.
/// </summary>
internal static class ConditionalMismatch
{
    public static string Describe(HclType trueType, HclType falseType)
    {
        if (trueType.Kind == HclTypeKind.Object && falseType.Kind == HclTypeKind.Object)
        {
            foreach (var (name, trueAttribute) in trueType.Attributes)
            {
                if (!falseType.Attributes.TryGetValue(name, out var falseAttribute))
                {
                    return $"The 'true' value includes object attribute \"{name}\", which is absent in the 'false' value";
                }

                if (!TypeConversion.Same(trueAttribute, falseAttribute))
                {
                    return $"Type mismatch for object attribute \"{name}\": {Describe(trueAttribute, falseAttribute)}";
                }
            }

            foreach (var name in falseType.Attributes.Keys)
            {
                if (!trueType.Attributes.ContainsKey(name))
                {
                    return $"The 'false' value includes object attribute \"{name}\", which is absent in the 'true' value";
                }
            }
        }
        else if (trueType.Kind == HclTypeKind.Tuple && falseType.Kind == HclTypeKind.Tuple)
        {
            if (trueType.Elements.Count != falseType.Elements.Count)
            {
                return $"The 'true' tuple has length {trueType.Elements.Count}, but the 'false' tuple has length {falseType.Elements.Count}";
            }

            for (var i = 0; i < trueType.Elements.Count; i++)
            {
                if (!TypeConversion.Same(trueType.Elements[i], falseType.Elements[i]))
                {
                    return $"Type mismatch for tuple element {i}: {Describe(trueType.Elements[i], falseType.Elements[i])}";
                }
            }
        }
        else if (trueType.IsCollection && trueType.Kind == falseType.Kind &&
            ((trueType.Element!.Kind == HclTypeKind.Object && falseType.Element!.Kind == HclTypeKind.Object) ||
             (trueType.Element!.Kind == HclTypeKind.Tuple && falseType.Element!.Kind == HclTypeKind.Tuple)))
        {
            var noun = trueType.Kind switch
            {
                HclTypeKind.List => "list",
                HclTypeKind.Set => "set",
                _ => "map",
            };
            return $"Mismatched {noun} element types: {Describe(trueType.Element, falseType.Element!)}";
        }

        return trueType.FriendlyName == falseType.FriendlyName
            ? "At least one deeply-nested attribute or element is not compatible across both the 'true' and the 'false' value"
            : $"The 'true' value is {trueType.FriendlyName}, but the 'false' value is {falseType.FriendlyName}";
    }
}
