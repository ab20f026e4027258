using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Syntax.Json;

/// <summary>A block read from a JSON body (hcl's unpackBlock): its type, labels from the nested keys, and the body's value.</summary>
internal sealed record JsonBlock(string Type, IReadOnlyList<string> Labels, IReadOnlyList<SourceRange> LabelRanges, JsonSyntax.Node Value, SourceRange TypeRange, SourceRange DefRange);
