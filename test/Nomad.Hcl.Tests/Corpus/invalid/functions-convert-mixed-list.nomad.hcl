# list(any) needs one element type for all elements.

job "app" {
  datacenters = ["dc1"]

  meta = {
    value = jsonencode(convert([1, [2]], list(any)))
  }
}