job "a" {
  meta = { x = file("/etc/hostname") }
}
