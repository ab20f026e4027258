# A web service: two instances behind Nomad's service discovery, with an HTTP health check,
# rolling updates that wait for health, and the image tag as a variable.
variable "image_tag" {
  type        = string
  default     = "1.27"
  description = "nginx image tag to run"
}

job "web" {
  datacenters = ["*"]
  type        = "service"

  meta {
    team = "platform"
  }

  update {
    max_parallel     = 1
    min_healthy_time = "10s"
    healthy_deadline = "3m"
    auto_revert      = true
  }

  group "web" {
    count = 2

    network {
      port "http" {
        to = 80
      }
    }

    service {
      name     = "web"
      port     = "http"
      provider = "nomad"
      tags     = ["http", "frontend"]

      check {
        type     = "http"
        path     = "/"
        interval = "10s"
        timeout  = "2s"
      }
    }

    restart {
      attempts = 3
      delay    = "15s"
      interval = "5m"
      mode     = "delay"
    }

    task "nginx" {
      driver = "docker"

      config {
        image = "nginx:${var.image_tag}"
        ports = ["http"]
      }

      env {
        NGINX_ENTRYPOINT_QUIET_LOGS = "1"
      }

      resources {
        cpu    = 200
        memory = 128
      }
    }
  }
}
