# hclsyntax UnaryOpExpr: a conversion failure names the "unary operand".
job "a" {
  meta {
    a = !"x"
  }
}
