job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = lower("A", "B")
      }
    }
  }
}
