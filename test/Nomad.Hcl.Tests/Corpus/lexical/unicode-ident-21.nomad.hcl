job "lex" {
  meta {
    x𝑥 = "v"
  }
}
