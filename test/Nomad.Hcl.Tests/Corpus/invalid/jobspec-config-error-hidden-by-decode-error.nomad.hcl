job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = nope(1)
      }
      resources {
        cpu = "lots"
      }
    }
  }
}
