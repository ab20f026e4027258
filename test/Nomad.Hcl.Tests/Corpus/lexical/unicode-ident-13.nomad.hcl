job "lex" {
  meta {
    x٣ = "v"
  }
}
