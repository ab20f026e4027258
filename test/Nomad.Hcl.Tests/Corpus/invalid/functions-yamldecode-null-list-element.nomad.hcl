job "x" {
  datacenters = ["dc1", yamldecode("~")]
}
