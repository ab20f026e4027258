job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      kill_timeout = "10 seconds"
    }
  }
}
