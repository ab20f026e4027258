job "lex" {
  meta {
    a = "👨‍👩‍👧" + 1
  }
}
