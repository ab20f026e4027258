job "lex" {
  meta {
    a = "مَ" + 1
  }
}
