# hclsyntax: a null operand of "-" converts, then the operation's cty function refuses it.
job "a" {
  meta {
    a = -null
  }
}
