job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      env {
        PATH = "/bin"
        nested {
          x = 1
        }
      }
    }
  }
}
