job "lex" {
  meta {
    a = <<EOH
x
EOH%
EOH
  }
}
