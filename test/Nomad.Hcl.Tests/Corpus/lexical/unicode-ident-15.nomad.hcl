job "lex" {
  meta {
    🙂 = "v"
  }
}
