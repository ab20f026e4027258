job "lex" {
  meta {
    xⅠ = "v"
  }
}
