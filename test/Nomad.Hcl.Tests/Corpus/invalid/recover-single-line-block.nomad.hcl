# hclsyntax recovery: the close check of a single-line block comes before its body's errors; a ',' or newline after it is reported in recovery mode.
job "a" {
  group "g" { count = 1, x = 2 }
  group "h" { count = [1 2] }
  group "i" { task "t" {} }
  meta { a = "b" } x
}
