job "lex" {
  meta {
    a = "1️⃣" + 1
  }
}
