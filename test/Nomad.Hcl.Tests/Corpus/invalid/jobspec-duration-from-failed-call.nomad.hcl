job "web" {
  group "g" {
    task "t" {
      driver       = "docker"
      kill_timeout = nope("5s")
    }
  }
}
