locals {
  value    = { api = { port = 8080, tags = ["api"] } }
  all_tags = flatten([for s in local.services : s.tags])
  ports    = { for name, s in local.services : name => s.port }
}

job "x" {
  datacenters = ["dc1"]
}
