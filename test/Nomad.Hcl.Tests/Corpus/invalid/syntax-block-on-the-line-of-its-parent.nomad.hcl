job "web" {
  group "web" {    task "app" {
      driver = "docker"
    }

    count = 2
  }
}
