job "lex" {
  meta {
    a = "x$