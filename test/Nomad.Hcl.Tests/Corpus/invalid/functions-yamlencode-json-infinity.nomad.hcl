# yamldecode gives infinity, which JSON cannot hold.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode(".inf"))
  }
}