job "web" {
  name = "web

  region = "global"
  type = "service"
}
