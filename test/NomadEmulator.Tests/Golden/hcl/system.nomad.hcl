job "agent" {
  datacenters = ["*"]
  type = "system"
  group "agent" {
    task "agent" {
      driver = "raw_exec"
      config {
        command = "/usr/local/bin/agent"
      }
      env {
        LEVEL = "info"
      }
    }
  }
}
