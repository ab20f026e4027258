job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = yamldecode("null")
      }
    }
  }
}
