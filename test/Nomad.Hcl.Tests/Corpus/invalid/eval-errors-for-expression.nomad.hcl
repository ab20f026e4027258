# ForExpr: the condition is first tried with unknown symbols; per element, only the first bad condition or key is
# reported; the value expression's errors are reported for every element.
locals {
  a = [for x in [1, 2, 3] : x + true]
}
job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      meta = { for k, v in { a = 1, b = 2 } : v => k if v }
    }
  }
}
