job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      service {
        name = "x"
        chek {
          type = "tcp"
        }
      }
    }
  }
}
