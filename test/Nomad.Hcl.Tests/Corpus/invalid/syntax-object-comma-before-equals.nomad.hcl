job "web" {
  meta = {
    owner ,= "team"
  }
}
