variable "image" {
  type = string
}

job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = var.image
      }
    }
  }
}
