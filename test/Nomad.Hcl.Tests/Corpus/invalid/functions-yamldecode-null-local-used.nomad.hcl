locals {
  value = yamldecode("~")
}

job "x" {
  datacenters = [local.value]
}
