variable "region" {
  type = string
}

variable "versions" {
  type = map(string)
}

variable "replicas" {
  type    = number
  default = 1
}

variable "extra_args" {
  type    = list(string)
  default = []
}

variable "resources" {
  type = object({
    cpu    = number
    memory = number
  })
}

job "billing" {
  region      = var.region
  datacenters = ["${var.region}-1"]

  group "api" {
    count = var.replicas

    task "api" {
      driver = "docker"

      config {
        image = "registry.example.com/billing:${var.versions["api"]}"
        args  = concat(["serve"], var.extra_args)
      }

      resources {
        cpu    = var.resources.cpu
        memory = var.resources.memory
      }
    }
  }
}
