# A flow sequence without its closing bracket.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("ports: [80, 443\n"))
  }
}