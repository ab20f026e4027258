variable "image" {
  type = string
}

variable "ports" {
  type = list(number)
}

variable "labels" {
  type = map(string)
}

variable "settings" {
  default = {}
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image    = var.image
        ports    = var.ports
        labels   = var.labels
        settings = var.settings
      }
    }
  }
}
