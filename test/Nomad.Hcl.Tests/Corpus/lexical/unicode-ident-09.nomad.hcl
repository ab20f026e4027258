job "lex" {
  meta {
    a‍b = "v"
  }
}
