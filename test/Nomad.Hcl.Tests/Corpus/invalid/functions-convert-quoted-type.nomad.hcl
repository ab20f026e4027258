# A quoted type name is not a type expression.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = convert(1, "string")
  }
}