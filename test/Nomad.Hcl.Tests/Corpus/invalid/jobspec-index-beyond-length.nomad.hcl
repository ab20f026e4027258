job "web" {
  meta {
    first = ["a", "b"][2]
  }
}
