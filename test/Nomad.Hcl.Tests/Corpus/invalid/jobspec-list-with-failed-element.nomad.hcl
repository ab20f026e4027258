job "web" {
  datacenters = ["dc1", upper()]
}
