job "lex" {
  meta {
    a = "éé" + 1
  }
}
