# dynblock's newBlock: each element's labels are evaluated on their own; a failing one drops that element's block only.
job "x" {
  group "g" {
    dynamic "volume" {
      for_each = ["a", null, 1, "d"]
      labels   = [volume.value]
      content {
        type   = "host"
        source = upper(1 + true)
      }
    }
    task "t" {
      driver = "docker"
    }
  }
}
