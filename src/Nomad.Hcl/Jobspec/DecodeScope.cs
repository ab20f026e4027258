using Nomad.Hcl.Diagnostics;
using Nomad.Hcl.Evaluation;
using Nomad.Hcl.Syntax;

namespace Nomad.Hcl.Jobspec;

/// <summary>A block after <c>dynamic</c> expansion: its type, labels, body and the scope its expressions see.</summary>
internal sealed record DecodeScope(Block Block, IReadOnlyList<string> Labels, EvaluationContext Context)
{
    /// <summary>For a block a <c>dynamic</c> block generated, the <c>dynamic "type"</c> header (dynblock's DefRange).</summary>
    public SourceRange? DefinitionRange { get; init; }
}
