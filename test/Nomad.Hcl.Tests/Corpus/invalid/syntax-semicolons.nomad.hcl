job "web" {
  priority = 50;
  datacenters = ["dc1"];
}
