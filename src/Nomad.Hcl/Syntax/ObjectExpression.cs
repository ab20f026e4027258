using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>An object constructor <c>{ k = v }</c>.</summary>
public sealed record ObjectExpression(IReadOnlyList<ObjectItem> Items, SourceRange Range) : Expression(Range)
{
    /// <summary>A JSON object (Syntax/Json): evaluated as hcl's JSON expressions are (Evaluation/JsonObjects).</summary>
    public bool Json { get; init; }
}
