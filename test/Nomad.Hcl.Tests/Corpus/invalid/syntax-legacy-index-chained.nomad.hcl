locals {
  x = [[1, 2], [3, 4]]
}
job "a" {
  meta {
    a = local.x.0.1
  }
}
