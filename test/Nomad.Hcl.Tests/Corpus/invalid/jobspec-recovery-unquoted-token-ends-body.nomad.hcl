job "web" {
  group "g" {
    = 3
    count = [
  }
  "name" = 1
}
