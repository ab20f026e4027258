locals {
  o = { a = 1 }
}
job "a" {
  meta {
    x = local.o[0]
  }
}
