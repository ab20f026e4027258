# hclsyntax recovery: a missing argument separator is reported even in recovery mode; escapes report every error; a missing ')' recovers to the next one.
job "a" {
  meta {
    a = upper("x" 1)
    b = (1 + 2
    c = "\q and \u12 and \z"
    d = "${x y}"
  }
}
