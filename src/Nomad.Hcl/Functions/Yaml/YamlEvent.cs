namespace Nomad.Hcl.Functions.Yaml;

/// <summary>
/// One parser event (yaml_event_t): <see cref="Anchor"/> is an alias's target or a node's anchor, <see cref="Tag"/>
/// the resolved tag ("" when none), <see cref="Value"/> a scalar's text; <see cref="Implicit"/> is libyaml's
/// plain_implicit for scalars (no tag, or the lone "!") and "no tag" for collections.
/// </summary>
internal sealed record YamlEvent(YamlEventKind Kind, YamlMark Start, YamlMark End)
{
    public string Anchor { get; init; } = "";

    public string Tag { get; init; } = "";

    public string Value { get; init; } = "";

    public bool Implicit { get; init; }

    public bool QuotedImplicit { get; init; }

    public YamlScalarStyle Style { get; init; }
}
