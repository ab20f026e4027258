variable "image" {
  type = string
  default = "nginx"
}

job "web" {
  group "app" {
    task "server" {
      driver = "docker"

      config {
        image = var.imgae
      }
    }
  }
}
