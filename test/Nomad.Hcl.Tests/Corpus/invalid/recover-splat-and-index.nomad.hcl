# hclsyntax recovery: a nested attribute-only splat, a missing ']' (reported where recovery stops), a chained legacy index, a '[for]'.
job "a" {
  meta {
    a = x.*.y.*
    b = x[*.y
    c = x[1 2]
    d = x.0.1
    e = x.
  }
  datacenters = [for]
}
