job "lex" {
  meta {
    a = "́x" + 1
  }
}
