namespace Nomad.Hcl.Jobspec;

/// <summary>Reads the Go type strings of <see cref="ApiSchema"/>.</summary>
internal static class GoTypes
{
    private static readonly HashSet<string> NamedStrings = ["ReconcileOption", "CSIVolumeAccessMode", "CSIVolumeAttachmentMode", "CSIPluginType", "HostVolumeAccessMode", "HostVolumeAttachmentMode"];

    /// <summary>The type with named string types (<c>type ReconcileOption = string</c>) replaced by <c>string</c>.</summary>
    public static string Underlying(string type)
    {
        var prefixLength = type.Length - type.AsSpan().TrimStart(Modifiers).Length;
        return prefixLength == 0
            ? NamedStrings.Contains(type) ? "string" : type
            : NamedStrings.Contains(type[prefixLength..]) ? type[..prefixLength] + "string" : type;
    }

    private static readonly char[] Modifiers = ['*', '[', ']'];

    public static bool IsPointer(string type) => type.StartsWith('*');

    public static string Element(string type) => type.TrimStart(Modifiers);

    public static bool IsStruct(string type) => ApiSchema.Structs.ContainsKey(Element(type)) && !type.StartsWith("map[", StringComparison.Ordinal);

    public static bool IsSlice(string type) => type.StartsWith("[]", StringComparison.Ordinal);

    public static bool IsMap(string type) => type.StartsWith("map[", StringComparison.Ordinal);

    public static bool IsInteger(string type) => Element(type) is "int" or "int8" or "int16" or "int32" or "int64" or "uint" or "uint8" or "uint16" or "uint32" or "uint64";

    public static bool IsDuration(string type) => Element(type) == "time.Duration";
}
