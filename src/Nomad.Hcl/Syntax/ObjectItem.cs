namespace Nomad.Hcl.Syntax;

/// <summary>One <c>key = value</c> item of an object constructor.</summary>
public sealed record ObjectItem(Expression Key, Expression Value);
