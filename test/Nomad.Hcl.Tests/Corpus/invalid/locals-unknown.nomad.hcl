locals {
  a = "x"
  b = "${local.a}-${local.c}"
}

job "web" {
  meta = { x = local.b }
}
