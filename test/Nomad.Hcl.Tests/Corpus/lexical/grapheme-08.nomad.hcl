job "lex" {
  meta {
    a = "éü" + 1
  }
}
