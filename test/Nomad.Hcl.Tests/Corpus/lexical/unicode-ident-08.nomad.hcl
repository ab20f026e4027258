job "lex" {
  meta {
    Ωmega = "v"
  }
}
