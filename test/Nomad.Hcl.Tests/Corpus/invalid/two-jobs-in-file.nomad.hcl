job "web" {
  datacenters = ["dc1"]
}

job "worker" {
  datacenters = ["dc1"]
}
