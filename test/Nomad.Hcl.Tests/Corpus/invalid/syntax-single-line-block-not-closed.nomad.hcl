job "web" {
  meta { owner = "team-a"
  }
}
