job "x" {
  datacenters = ["dc1"]

  spread {
    attribute = "${node.datacenter}"
    weight = 128
  }
}
