job "cleanup" {
  type = "sysbatch"
  datacenters = ["dc1"]
  group "cleanup" {
    task "clean" {
      driver = "raw_exec"
      config {
        command = "/usr/bin/find"
        args    = ["/tmp", "-mtime", "+7", "-delete"]
      }
    }
  }
}
