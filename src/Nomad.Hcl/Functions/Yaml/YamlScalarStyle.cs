namespace Nomad.Hcl.Functions.Yaml;

/// <summary>How a scalar was written (libyaml's yaml_scalar_style_t).</summary>
internal enum YamlScalarStyle
{
    Any,
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}
