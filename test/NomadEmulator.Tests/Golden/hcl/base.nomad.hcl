job "web" {
  datacenters = ["dc1"]
  type = "service"
  meta { owner = "team-a" }
  constraint {
    attribute = "${attr.kernel.name}"
    value     = "linux"
  }
  update {
    max_parallel = 1
    min_healthy_time = "10s"
    healthy_deadline = "3m"
  }
  group "frontend" {
    count = 2
    network {
      port "http" { to = 8080 }
    }
    service {
      name = "web"
      port = "http"
      tags = ["a", "b"]
      check {
        type = "http"
        path = "/health"
        interval = "10s"
        timeout = "2s"
      }
    }
    task "app" {
      driver = "docker"
      config {
        image = "nginx:1.25"
        ports = ["http"]
      }
      env { MODE = "prod" }
      resources {
        cpu = 200
        memory = 128
      }
    }
  }
  group "worker" {
    count = 1
    task "w" {
      driver = "docker"
      config {
        image   = "busybox:1"
        command = "sleep"
        args    = ["1000"]
      }
      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
