job "lex" {
  meta {
    a = <<EOH
EOH
    b = <<-EOH
    EOH
  }
}
