job "lex" {
  meta {
    𝑥𝟙 = "v"
  }
}
