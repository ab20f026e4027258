job "lex" {
  meta {
    größe = "v"
  }
}
