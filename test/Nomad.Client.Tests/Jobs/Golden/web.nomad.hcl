variable "image" {
  type    = string
  default = "nginx:1.25"
}

job "web" {
  datacenters = ["dc1"]
  type        = "service"

  meta {
    gitops_managed_by = "nomad-gitops"
  }

  group "web" {
    count = 2

    network {
      port "http" {
        to = 80
      }
    }

    task "nginx" {
      driver = "docker"

      config {
        image = var.image
        ports = ["http"]
      }

      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
