job "j" {
  group "g" {
    task "t" {
      driver = "docker"
      action {
        command = "/bin/true"
      }
    }
  }
}
