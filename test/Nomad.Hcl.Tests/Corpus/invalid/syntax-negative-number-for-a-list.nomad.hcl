job "web" {
  datacenters = -1
}
