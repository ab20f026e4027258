# An explicit !!bool tag on something that is no bool.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("a: !!bool maybe\n"))
  }
}