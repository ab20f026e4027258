# Only the core YAML tags are understood.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("a: !vault secret/db\n"))
  }
}