# An alias to an anchor never defined.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("a: *base\n"))
  }
}