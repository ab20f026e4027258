job "lex" {
  meta {
    a = "x‍y" + 1
  }
}
