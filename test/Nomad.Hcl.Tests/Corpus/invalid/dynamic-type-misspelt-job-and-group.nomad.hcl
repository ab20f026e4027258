job "x" {
  dynamic "grop" {
    for_each = [1]
    content {}
  }
  group "g" {
    dynamic "netwrk" {
      for_each = [1]
      content {
        mode = "host"
      }
    }
    task "t" {
      driver = "docker"
    }
  }
}
