namespace Nomad.Hcl.Functions.Yaml;

/// <summary>libyaml's event types (yaml_event_type_t).</summary>
internal enum YamlEventKind
{
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias,
    Scalar,
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
}
