# hclsyntax: a namespaced function name (core::upper) parses; Nomad has no namespaced functions.
job "a" {
  meta {
    a = core::upper("x")
  }
}
