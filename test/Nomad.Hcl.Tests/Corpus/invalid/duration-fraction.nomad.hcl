job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      service {
        check {
          type     = "http"
          path     = "/"
          interval = 2.5
          timeout  = "2s"
        }
      }
    }
  }
}
