job "lex" {
  meta {
    /* é👨‍👩 */ a = 1 + "a"
  }
}
