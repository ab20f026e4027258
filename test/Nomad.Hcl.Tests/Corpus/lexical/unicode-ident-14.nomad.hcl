job "lex" {
  meta {
    ٣x = "v"
  }
}
