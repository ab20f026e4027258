job "example-service" {
  datacenters = ["dc1"]
  type        = "service"

  group "web" {
    count = 1

    task "main" {
      driver = "docker"
      config {
        image   = "busybox:1.36"
        command = "sleep"
        args    = ["3600"]
      }
      resources {
        cpu    = 50
        memory = 32
      }
    }
  }
}
