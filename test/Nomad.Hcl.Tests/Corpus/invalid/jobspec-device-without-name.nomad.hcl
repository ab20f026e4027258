job "j" {
  group "g" {
    task "t" {
      driver = "docker"
      resources {
        device {
          count = 1
        }
      }
    }
  }
}
