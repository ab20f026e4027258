job "lex" {
  meta {
    a = <<EOH
x$