job "a" {
  meta { note = "café ☕ ü" }
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = "ü☕${nope.x}"
        args = ["é${ foo }", "${bar}ü"]
      }
    }
  }
}
