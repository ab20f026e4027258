using Nomad.Hcl.Diagnostics;
namespace Nomad.Hcl.Syntax;

/// <summary>A body: arguments and blocks, in source order.</summary>
public sealed record Body(IReadOnlyList<Attribute> Attributes, IReadOnlyList<Block> Blocks, SourceRange Range)
{
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
