job "x" {
  group "g" {
    dynamic "task" {
      for_each = ["a"]
      labels   = [yamldecode("~")]
      content {
        driver = "docker"
      }
    }
  }
}
