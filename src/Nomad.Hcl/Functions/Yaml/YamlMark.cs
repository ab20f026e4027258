namespace Nomad.Hcl.Functions.Yaml;

/// <summary>A position in YAML input as libyaml keeps it: characters read, line and column, all counted from 0.</summary>
internal readonly record struct YamlMark(int Index, int Line, int Column);
