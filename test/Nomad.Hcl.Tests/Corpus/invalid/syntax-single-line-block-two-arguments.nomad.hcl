job "web" {
  meta { owner = "team-a", tier = "web" }
}
