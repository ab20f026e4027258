job "web" {
  datacenters = 
  group "g" {}
}
