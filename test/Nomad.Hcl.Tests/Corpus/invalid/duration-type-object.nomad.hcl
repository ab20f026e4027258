job "x" {
  group "g" {
    task "t" {
      driver       = "docker"
      kill_timeout = { b = 1, a = "x" }
    }
  }
}
