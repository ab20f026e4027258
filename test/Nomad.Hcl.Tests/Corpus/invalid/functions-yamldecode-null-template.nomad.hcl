job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      template {
        data        = "a${yamldecode("~")}"
        destination = "local/a"
      }
    }
  }
}
