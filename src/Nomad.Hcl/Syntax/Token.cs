using Nomad.Hcl.Diagnostics;

namespace Nomad.Hcl.Syntax;

/// <summary>One token: its kind, its text and where it is. <see cref="Strip"/> marks a <c>~</c> strip marker.</summary>
public readonly record struct Token(TokenKind Kind, string Text, SourceRange Range, bool Strip = false);
