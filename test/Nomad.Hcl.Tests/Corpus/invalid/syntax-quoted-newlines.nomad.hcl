job "web" {
  meta {
    note = "first

second"
  }
}
