# cty numbers have no NaN.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(yamldecode("ratio: .nan\n"))
  }
}