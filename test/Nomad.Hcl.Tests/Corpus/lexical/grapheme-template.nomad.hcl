job "lex" {
  meta {
    a = "🇩🇪 ${1 + "a"} é"
  }
}
