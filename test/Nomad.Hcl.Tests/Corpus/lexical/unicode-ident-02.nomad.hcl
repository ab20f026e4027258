job "lex" {
  meta {
    名前 = "v"
  }
}
