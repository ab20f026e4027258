locals {
  o = { a = 1 }
  k = "b"
}
job "a" {
  meta {
    x = local.o[local.k]
  }
}
