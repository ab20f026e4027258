job "lex" {
  meta {
    ⅷ = "v"
  }
}
