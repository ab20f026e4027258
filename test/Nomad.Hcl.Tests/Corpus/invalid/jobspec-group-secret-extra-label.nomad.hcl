job "j" {
  group "g" {
    secret "a" "b" {
      path = "x"
    }
    task "t" {
      driver = "docker"
    }
  }
}
