job "lex" {
  meta {
    x🙂 = "v"
  }
}
