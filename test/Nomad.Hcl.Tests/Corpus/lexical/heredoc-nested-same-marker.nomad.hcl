job "lex" {
  meta {
    a = <<EOH
${<<EOH
inner
EOH
}
EOH
  }
}
