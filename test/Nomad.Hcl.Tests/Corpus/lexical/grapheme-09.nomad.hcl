job "lex" {
  meta {
    a = "𝑥𝟙" + 1
  }
}
