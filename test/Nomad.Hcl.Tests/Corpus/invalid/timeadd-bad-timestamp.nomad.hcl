job "maintenance" {
  meta = {
    until = timeadd("2024-03-01 22:00", "1h")
  }
}
