job "web" {
  group "g" "extra" {
  }
}
