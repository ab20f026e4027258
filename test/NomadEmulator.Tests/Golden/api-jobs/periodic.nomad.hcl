job "example-periodic" {
  datacenters = ["dc1"]
  type        = "batch"

  periodic {
    crons            = ["*/15 * * * *"]
    prohibit_overlap = true
  }

  group "work" {
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
