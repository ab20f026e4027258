job "lex" {
  meta {
    a　= "v"
  }
}
