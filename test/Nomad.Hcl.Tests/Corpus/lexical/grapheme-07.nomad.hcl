job "lex" {
  meta {
    a = "a́" + 1
  }
}
