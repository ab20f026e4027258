using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A body: arguments and blocks, in source order.</summary>
public sealed record Body(IReadOnlyList<Attribute> Attributes, IReadOnlyList<Block> Blocks, SourceRange Range)
{
    /// <summary>
    /// For a body read from JSON syntax (<c>Syntax/Json</c>), the errors hcl's JSON body gives when it is read against its
    /// schema (bad value types, missing labels, repeated arguments, missing required arguments, extraneous properties),
    /// in hcl's order; its properties that fit no schema entry are left out of the body. Null for native syntax.
    /// </summary>
    public IReadOnlyList<HclDiagnostic>? JsonContentErrors { get; init; }

    /// <summary>
    /// For a JSON job, group or task body, the errors of jobspec2's PartialContent call that takes out its extra blocks
    /// (vault, secret, task, scaling; dynblock's dynamic), reported before them; null for native syntax.
    /// </summary>
    public IReadOnlyList<HclDiagnostic>? JsonExtrasErrors { get; init; }

    /// <summary>For a JSON body, hcl's MissingItemRange (an object's closing brace); null for native syntax.</summary>
    public SourceRange? JsonMissingItemRange { get; init; }

    /// <summary>The argument named <paramref name="name"/>, or null.</summary>
    public Attribute? Find(string name)
    {
        foreach (var a in Attributes)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        return null;
    }
}
