job "web" {
  meta {
    path = "C:\\temp\\x\q"
  }
}
