job "lex" {
  meta {
    K = "v"
  }
}
