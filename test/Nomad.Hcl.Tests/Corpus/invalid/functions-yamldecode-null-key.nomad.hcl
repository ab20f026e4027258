# Mapping keys are strings; ~ resolves to null.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("name: x\n~: y\n"))
  }
}