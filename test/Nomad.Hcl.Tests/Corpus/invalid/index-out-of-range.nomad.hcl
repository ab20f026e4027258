job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = ["a", "b"][5]
      }
    }
  }
}
