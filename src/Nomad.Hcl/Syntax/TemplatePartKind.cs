namespace Nomad.Hcl.Syntax;

/// <summary>Kinds of flat template piece.</summary>
internal enum TemplatePartKind
{
    Literal, Interpolation, If, Else, EndIf, For, EndFor,
}
