# The object type requires an attribute the value lacks.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(convert({ cpu = 1 }, object({ cpu = number, memory = number })))
  }
}