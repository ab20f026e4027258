job "web" {
  region = "global" "eu"
  type = , "service"
  group "g" {
    count = 1 2
  }
