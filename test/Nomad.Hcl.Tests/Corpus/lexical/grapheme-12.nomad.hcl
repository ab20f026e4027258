job "lex" {
  meta {
    a = "각" + 1
  }
}
