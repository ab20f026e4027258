job "x" {
  group "g" {
    dynamc "network" {
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
