job "web" {
  dynamic "group" {
    for_each = "api,web"
    labels   = [group.value]

    content {
      count = 1
    }
  }
}
