locals {
  a = local.b
  b = local.a
}

job "web" {
  meta = { x = local.a }
}
