job "web" {
  datacenters = [for d in ["a"] upper(d)]
}
