job "lex" {
  meta = {
    a = "b"
  }
}
locals {
  x = <<EOH
value
EOH