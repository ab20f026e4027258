job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = tostring(1)
      }
    }
  }
}
