# hclsyntax's scanner: "~}" is a template sequence's end wherever it stands (closeTemplateSeqEatWhitespace), not "~" and "}".
job "a" {
  meta {
    a = "b"
    b = { c = 1 ~}
  }
~}
}
