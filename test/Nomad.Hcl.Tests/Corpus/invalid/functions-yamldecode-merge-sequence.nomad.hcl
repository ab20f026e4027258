# go-cty-yaml merges only a mapping into a mapping.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("<<: [{a: 1}]\n"))
  }
}