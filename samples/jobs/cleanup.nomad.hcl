# A periodic job: every night at 03:00 UTC, never two runs at once.
job "cleanup" {
  datacenters = ["*"]
  type        = "batch"

  periodic {
    crons            = ["0 3 * * *"]
    time_zone        = "UTC"
    prohibit_overlap = true
  }

  group "cleanup" {
    task "prune" {
      driver = "exec"

      config {
        command = "/bin/sh"
        args    = ["-c", "find /tmp -type f -mtime +7 -print"]
      }

      resources {
        cpu    = 50
        memory = 32
      }
    }
  }
}
