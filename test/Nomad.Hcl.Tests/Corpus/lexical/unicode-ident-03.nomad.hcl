job "lex" {
  meta {
    é_-9 = "v"
  }
}
