job "lex" {
  meta {
    a = <<EOH
value
EOH
  }
}
