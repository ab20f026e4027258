# hclsyntax: a null operand converts, then the operation's cty function refuses it: "Operation failed" over the whole expression.
job "a" {
  meta {
    a = 1 + null
  }
}
