job "j" {
  secret "s" {
    path = "x"
    provder = "nomad"
  }
  group "g" {
    task "t" {
      driver = "docker"
    }
  }
}
