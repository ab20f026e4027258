# A key indented under a scalar value.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("a: 1\n b: 2\n"))
  }
}