job "nightly" {
  datacenters = ["dc1", "dc2"]
  type = "batch"
  group "run" {
    count = 3
    task "job" {
      driver = "exec"
      config {
        command = "/bin/true"
      }
      resources {
        cpu    = 50
        memory = 32
      }
    }
  }
}
