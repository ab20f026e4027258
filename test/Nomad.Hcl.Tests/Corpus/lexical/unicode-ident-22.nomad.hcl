job "lex" {
  meta {
    𝟙x = "v"
  }
}
