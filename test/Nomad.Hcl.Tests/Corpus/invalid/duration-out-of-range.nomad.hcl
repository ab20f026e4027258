job "x" {
  group "g" {
    task "t" {
      driver       = "docker"
      kill_timeout = 1e19
    }
  }
}
