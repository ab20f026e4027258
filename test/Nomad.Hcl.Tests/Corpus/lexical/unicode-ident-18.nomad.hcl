job "lex" {
  meta {
    ﬁle = "v"
  }
}
