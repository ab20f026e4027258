job "lex" {
  meta {
    a = <<EOH
EOHX
  EOH-not
EOH${"x"}
EOH
  }
}
