job "x" {
  datacenters = split(",", yamldecode("~"))
}
