job "web" {
  group "g" {
    task "a" {
      driver = "docker"
      config {
        image = ["x"][1]
      }
    }
  }
}
