job "lex" {
  meta {
    a = <<EOT
é ${1 + "a"}
EOT
  }
}
