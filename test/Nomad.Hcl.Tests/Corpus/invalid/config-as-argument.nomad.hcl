job "web" {
  type = "service"
  group "g" {
    task "t" {
      driver = "docker"
      config = {
        image = "x"
      }
    }
  }
}
