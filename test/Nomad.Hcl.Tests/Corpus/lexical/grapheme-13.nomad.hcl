job "lex" {
  meta {
    a = "क्ष" + 1
  }
}
