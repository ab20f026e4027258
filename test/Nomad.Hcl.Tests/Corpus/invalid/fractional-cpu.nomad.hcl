job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = "x"
      }
      resources {
        cpu = 1.5
      }
    }
  }
}
