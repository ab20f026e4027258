job "x" {
  group "g" {
    count = yamldecode("~")
    task "t" {
      driver = "docker"
    }
  }
}
