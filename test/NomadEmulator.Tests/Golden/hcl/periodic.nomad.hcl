job "backup" {
  datacenters = ["dc1"]
  type = "batch"
  periodic {
    crons            = ["0 3 * * *"]
    prohibit_overlap = true
    time_zone        = "UTC"
  }
  group "backup" {
    task "dump" {
      driver = "docker"
      config {
        image = "postgres:16"
        args  = ["pg_dumpall"]
      }
    }
  }
}
