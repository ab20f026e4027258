job "j" {
  group "g" {
    task "t" {
      driver = "docker"
      secret {
        path = "x"
        bogus = 1
      }
    }
  }
}
