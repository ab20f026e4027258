job "x" {
  group "g" {
    dynamic "netwrk" {
      for_each = []
      content {
        mode = "host"
      }
    }
    task "t" {
      driver = "docker"
    }
  }
}
