job "x" {
  group "g" {
    dynamic "task" {
      for_each = yamldecode("~")
      labels   = ["a"]
      content {
        driver = "docker"
      }
    }
  }
}
