variable "a" {
  default = "x"
}

variable "b" {
  default = var.a
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = var.b
      }
    }
  }
}
