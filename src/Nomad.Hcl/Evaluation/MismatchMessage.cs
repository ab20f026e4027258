namespace Nomad.Hcl.Evaluation;

/// <summary>
/// cty's <c>convert.MismatchMessage</c> (convert/mismatch_msg.go, go-cty v1.16.4): why a value of one type has no
/// conversion to another, the text <c>convert.Convert</c> fails with before converting anything.
/// </summary>
public static class MismatchMessage
{
    public static string For(HclType got, HclType want)
    {
        if (got.Kind == HclTypeKind.Object && want.Kind == HclTypeKind.Object)
        {
            return Objects(got, want);
        }

        if (got.Kind == HclTypeKind.Tuple && want.Kind == HclTypeKind.List && want.Element!.Kind == HclTypeKind.Dynamic)
        {
            return "all list elements must have the same type";
        }

        if (got.Kind == HclTypeKind.Tuple && want.Kind == HclTypeKind.Set && want.Element!.Kind == HclTypeKind.Dynamic)
        {
            return "all set elements must have the same type";
        }

        if (got.Kind == HclTypeKind.Object && want.Kind == HclTypeKind.Map && want.Element!.Kind == HclTypeKind.Dynamic)
        {
            return "all map elements must have the same type";
        }

        if (got.Kind is HclTypeKind.Tuple or HclTypeKind.Object && want.IsCollection)
        {
            return CollectionsFromStructural(got, want);
        }

        if (got.IsCollection && want.IsCollection)
        {
            return CollectionsFromCollections(got, want);
        }

        return !LikelyToConfuse(got, want)
            ? $"{want.FriendlyName} required, but have {got.FriendlyName}"
            : $"{want.FriendlyNameForConstraint} required";
    }

    private static string Objects(HclType got, HclType want)
    {
        // cty walks the wanted attributes in Go map order; the first mismatch found is reported, so with more than
        // one mismatching attribute the text varies from run to run there. Name order is used here.
        var missing = new List<string>();
        string? mismatch = null;
        foreach (var (name, wantType) in want.Attributes)
        {
            if (!got.Attributes.TryGetValue(name, out var gotType))
            {
                missing.Add(name);
                continue;
            }

            if (mismatch is null && !TypeConversion.Same(gotType, wantType) && !TypeConversion.CanConvert(gotType, wantType))
            {
                mismatch = $"attribute {Quote(name)}: {For(gotType, wantType)}";
            }
        }

        if (missing.Count > 0)
        {
            missing.Sort(StringComparer.Ordinal);
            return missing.Count switch
            {
                1 => $"attribute {Quote(missing[0])} is required",
                2 => $"attributes {Quote(missing[0])} and {Quote(missing[1])} are required",
                _ => $"attributes {string.Concat(missing[..^1].Select(m => Quote(m) + ", "))}and {Quote(missing[^1])} are required",
            };
        }

        return mismatch ?? "incorrect object attributes";
    }

    private static string CollectionsFromStructural(HclType got, HclType want)
    {
        if ((want.Kind is HclTypeKind.List or HclTypeKind.Set && got.Kind != HclTypeKind.Tuple) ||
            (want.Kind == HclTypeKind.Map && got.Kind != HclTypeKind.Object))
        {
            return $"{want.FriendlyNameForConstraint} required";
        }

        var wantElement = want.Element!;
        if (got.Kind == HclTypeKind.Tuple)
        {
            for (var i = 0; i < got.Elements.Count; i++)
            {
                var element = got.Elements[i];
                if (!TypeConversion.Same(element, wantElement) && !TypeConversion.CanConvert(element, wantElement))
                {
                    return $"element {i}: {For(element, wantElement)}";
                }
            }
        }
        else
        {
            // Go map order in cty; name order here.
            foreach (var (name, attribute) in got.Attributes)
            {
                if (!TypeConversion.Same(attribute, wantElement) && !TypeConversion.CanConvert(attribute, wantElement))
                {
                    return $"element {Quote(name)}: {For(attribute, wantElement)}";
                }
            }
        }

        return $"all elements must be {wantElement.FriendlyNameForConstraint}";
    }

    private static string CollectionsFromCollections(HclType got, HclType want)
    {
        if ((want.Kind is HclTypeKind.List or HclTypeKind.Set && got.Kind is not (HclTypeKind.List or HclTypeKind.Set)) ||
            (want.Kind == HclTypeKind.Map && got.Kind != HclTypeKind.Map))
        {
            return $"{want.FriendlyNameForConstraint} required";
        }

        var noun = want.Kind switch
        {
            HclTypeKind.List => "list element type",
            HclTypeKind.Set => "set element type",
            _ => "map element type",
        };
        return $"incorrect {noun}: {For(got.Element!, want.Element!)}";
    }

    // typesAreLikelyToCauseConfusion
    private static bool LikelyToConfuse(HclType got, HclType want)
    {
        if (got.IsPrimitive != want.IsPrimitive || want.Kind == HclTypeKind.String)
        {
            return false;
        }

        if ((want.Kind == HclTypeKind.Bool && got.Kind == HclTypeKind.Number) || (got.Kind == HclTypeKind.Bool && want.Kind == HclTypeKind.Number))
        {
            return false;
        }

        if (got.IsCollection && want.IsCollection && !got.Element!.HasDynamic && want.Element!.HasDynamic)
        {
            return false;
        }

        return !(got.Kind == HclTypeKind.Tuple && want.Kind == HclTypeKind.Object);
    }

    private static string Quote(string name) => Functions.CryptoFunctions.GoQuote(name);
}
