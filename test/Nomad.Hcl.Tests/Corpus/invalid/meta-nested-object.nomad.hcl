job "web" {
  meta {
    owner = {
      team = "platform"
    }
  }
}
