job "web" {
  group "g" {
    dynamic "task" "extra" {
      for_each = ["a"]
      labels   = [task.value]
      content {
        driver = "docker"
      }
    }
  }
}
