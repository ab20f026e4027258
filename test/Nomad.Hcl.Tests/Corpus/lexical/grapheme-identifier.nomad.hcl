job "lex" {
  meta {
    x́ý = 1 + "a"
  }
}
