job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      env {
        A = "%{ if true }x"
      }
    }
  }
}
