job "lex" {
  meta {
    ǅx = "v"
  }
}
