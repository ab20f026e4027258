job "lex" {
  meta {
    _ü = "v"
  }
}
