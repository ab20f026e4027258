job "lex" {
  meta {
    a = "नमस्ते" + 1
  }
}
