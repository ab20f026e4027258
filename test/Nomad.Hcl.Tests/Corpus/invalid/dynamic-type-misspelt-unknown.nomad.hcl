job "x" {
  group "g" {
    dynamic "netwrk" {
      for_each = yamldecode("~")
      content {
        mode = "host"
      }
    }
    task "t" {
      driver = "docker"
    }
  }
}
