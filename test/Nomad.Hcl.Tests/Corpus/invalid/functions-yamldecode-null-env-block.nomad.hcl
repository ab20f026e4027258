job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      env {
        A = yamldecode("~")
      }
    }
  }
}
