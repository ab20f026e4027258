namespace Nomad.Hcl.Functions.Yaml;

/// <summary>
/// One token of the scanner (yaml_token_t): its kind and marks; <see cref="Value"/> is an anchor or alias name, a
/// scalar's text, a tag's handle or a %TAG directive's handle (UTF-8); <see cref="Suffix"/> a tag's suffix,
/// <see cref="Prefix"/> a %TAG directive's prefix; <see cref="Major"/>/<see cref="Minor"/> a %YAML version.
/// </summary>
internal sealed record YamlToken(YamlTokenKind Kind, YamlMark Start, YamlMark End)
{
    public byte[] Value { get; init; } = [];

    public byte[] Suffix { get; init; } = [];

    public byte[] Prefix { get; init; } = [];

    public YamlScalarStyle Style { get; init; }

    public int Major { get; init; }

    public int Minor { get; init; }
}
