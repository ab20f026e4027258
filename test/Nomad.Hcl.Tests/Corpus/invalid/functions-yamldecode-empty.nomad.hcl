# An empty document has no value.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode(""))
  }
}