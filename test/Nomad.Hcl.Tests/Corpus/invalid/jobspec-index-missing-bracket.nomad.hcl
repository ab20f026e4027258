# hclsyntax reports a missing ] at the token its recovery stopped at (here the end of the file).
job "a" {
  priority = x[1
  region = "b"
}
