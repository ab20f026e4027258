job "lex" {
  meta {
    a = "กำ" + 1
  }
}
