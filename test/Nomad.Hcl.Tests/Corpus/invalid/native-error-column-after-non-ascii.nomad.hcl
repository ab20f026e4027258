job "a" {
  meta { note = "café ☕ e\u0301 👍🏽" }
  group "g" {
    task "t" {
      driver = "docker"
      config { image = "ü☕ é 👍🏽 ${1 +}" }
    }
  }
}
