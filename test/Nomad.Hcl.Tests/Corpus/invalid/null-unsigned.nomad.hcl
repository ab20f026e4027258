job "x" {
  group "g" {
    spread {
      attribute = "a"
      target "b" {
        percent = null
      }
    }
  }
}
