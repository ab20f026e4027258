# yamldecode takes a single document.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("---\na: 1\n---\nb: 2\n"))
  }
}