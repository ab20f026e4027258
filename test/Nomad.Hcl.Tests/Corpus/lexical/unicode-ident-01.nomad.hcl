job "lex" {
  meta {
    имя = "v"
  }
}
