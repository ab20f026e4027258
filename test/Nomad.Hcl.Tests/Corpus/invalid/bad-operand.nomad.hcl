job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      resources {
        cpu = 100 * "a"
      }
    }
  }
}
