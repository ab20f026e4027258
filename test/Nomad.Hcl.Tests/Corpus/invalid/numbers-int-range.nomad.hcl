job "x" {
  datacenters = ["dc1"]
  priority    = 1e20
}
