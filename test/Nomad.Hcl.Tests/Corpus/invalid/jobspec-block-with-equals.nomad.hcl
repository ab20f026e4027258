job "a" {
  group "g" = {
  }
}
