# cty values are finite, so an anchor cannot refer to itself.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("a: &x\n  b: *x\n"))
  }
}