job "web" {
  datacenters = ["dc1"]
  group "g" {
    update {
      max_parallel = 1
    }
    update {
      max_parallel = 2
    }
  }
}
