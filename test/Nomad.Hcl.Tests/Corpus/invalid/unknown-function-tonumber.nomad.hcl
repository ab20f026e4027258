job "web" {
  group "app" {
    count = tonumber("3")

    task "server" {
      driver = "docker"
    }
  }
}
