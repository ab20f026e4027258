namespace Nomad.Hcl.Evaluation;

/// <summary>The kinds of cty type.</summary>
public enum HclTypeKind
{
    Dynamic, String, Number, Bool, List, Set, Map, Tuple, Object,
}
