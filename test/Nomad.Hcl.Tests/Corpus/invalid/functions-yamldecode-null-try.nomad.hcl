job "x" {
  datacenters = [try(yamldecode("~"), "dc1")]
}
