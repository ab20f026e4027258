# hclsyntax recovery: '::' without a name recovers over the next parenthesised group (recoverOver), here to the end of the file.
job "a" {
  meta {
    a = core::upper("x")
    b = core::
    c = core::x y
    d = "z"
  }
}
