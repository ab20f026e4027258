job "web" {
  dynamic "group" {
    for_each = ["a"]
    content {
      count = 1
    }
  }
}
