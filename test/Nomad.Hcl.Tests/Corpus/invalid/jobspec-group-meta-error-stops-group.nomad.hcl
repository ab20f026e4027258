job "web" {
  group "g" {
    meta = { owner = nope() }
    task "t" {
      driver = "docker"
      bogus  = true
    }
  }
}
