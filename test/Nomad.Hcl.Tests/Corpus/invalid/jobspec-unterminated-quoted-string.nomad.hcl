job "web" {
  name = "web
  region = "global"
}
