namespace Nomad.Hcl.Jobspec;

/// <summary>One field of a Go <c>api</c> struct: Go name, Go type, <c>hcl</c> tag and <c>json</c> tag.</summary>
internal sealed record ApiField(string GoName, string GoType, string? HclTag, string? JsonTag)
{
    /// <summary>The JSON property name (the <c>json</c> tag's name, or the Go name).</summary>
    public string JsonName => JsonTag is { } tag && tag.Split(',')[0] is { Length: > 0 } name ? name : GoName;

    /// <summary>Whether the JSON encoder leaves the field out when it is empty.</summary>
    public bool OmitEmpty => JsonTag?.Contains("omitempty", StringComparison.Ordinal) == true;

    /// <summary>Whether the JSON encoder never writes the field.</summary>
    public bool JsonIgnored => JsonTag == "-";

    /// <summary>The name in HCL, or null when the field is not decoded from HCL.</summary>
    public string? HclName => HclTag?.Split(',')[0];

    /// <summary>The HCL kind: attr, optional, block, label, remain.</summary>
    public string HclKind => HclTag is null ? "" : HclTag.Split(',') is { Length: > 1 } parts ? parts[1] : "attr";
}
