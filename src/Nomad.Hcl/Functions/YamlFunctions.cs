using Nomad.Hcl.Evaluation;
using static Nomad.Hcl.Functions.Fn;

namespace Nomad.Hcl.Functions;

/// <summary>yamldecode and yamlencode as zclconf/go-cty-yaml's YAMLDecodeFunc and YAMLEncodeFunc.</summary>
internal static class YamlFunctions
{
    public static void Register(Dictionary<string, HclFunction> table)
    {
        table["yamldecode"] = Of(a => YamlDecoder.Decode(a[0].AsString()), P("src", HclType.String));
        table["yamlencode"] = Of(a => HclValue.String(YamlEmitter.Encode(a[0])), P("value", HclType.Dynamic, allowNull: true));
    }
}
