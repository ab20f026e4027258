job "web" {
  datacenters = [["dc1" "dc2"], "dc3"]
  bogus = = 2
}
