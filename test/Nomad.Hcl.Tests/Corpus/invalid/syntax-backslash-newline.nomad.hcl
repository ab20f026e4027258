job "web" {
  meta {
    note = "line\
next"
  }
}
