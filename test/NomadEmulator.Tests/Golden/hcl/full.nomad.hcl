job "shop" {
  datacenters = ["dc1", "dc2"]
  namespace   = "default"
  priority    = 60
  meta {
    team = "shop"
  }
  spread {
    attribute = "${node.datacenter}"
    weight    = 100
  }
  affinity {
    attribute = "${node.class}"
    value     = "fast"
    weight    = 50
  }
  update {
    max_parallel      = 2
    canary            = 1
    auto_revert       = true
    health_check      = "checks"
    min_healthy_time  = "15s"
    healthy_deadline  = "4m"
    progress_deadline = "12m"
  }
  group "api" {
    count = 3
    volume "data" {
      type      = "host"
      source    = "shop-data"
      read_only = false
    }
    restart {
      attempts = 3
      interval = "10m"
      delay    = "20s"
      mode     = "delay"
    }
    reschedule {
      delay          = "1m"
      delay_function = "constant"
      unlimited      = true
    }
    ephemeral_disk {
      size = 500
    }
    network {
      mode = "bridge"
      port "http" {
        to = 8080
      }
      port "metrics" {
        static = 9100
      }
      dns {
        servers = ["1.1.1.1"]
      }
    }
    service {
      name     = "shop-api"
      port     = "http"
      provider = "nomad"
      tags     = ["api", "v1"]
      check {
        type     = "http"
        path     = "/ready"
        interval = "5s"
        timeout  = "1s"
      }
    }
    scaling {
      min     = 1
      max     = 10
      enabled = true
    }
    task "api" {
      driver       = "docker"
      kill_timeout = "20s"
      kill_signal  = "SIGTERM"
      config {
        image   = "shop/api:3.1"
        ports   = ["http", "metrics"]
        volumes = ["local/config:/etc/shop"]
        logging {
          type = "json-file"
          config {
            max-size = "10m"
          }
        }
      }
      env {
        PORT = "${NOMAD_PORT_http}"
      }
      meta {
        component = "api"
      }
      template {
        data        = "key={{ env \"NOMAD_JOB_NAME\" }}"
        destination = "local/app.env"
        env         = true
        change_mode = "restart"
      }
      artifact {
        source      = "https://example.com/assets.tar.gz"
        destination = "local/assets"
      }
      volume_mount {
        volume      = "data"
        destination = "/data"
      }
      service {
        name     = "shop-api-task"
        port     = "metrics"
        provider = "nomad"
      }
      resources {
        cpu        = 500
        memory     = 256
        memory_max = 512
      }
      logs {
        max_files     = 5
        max_file_size = 20
      }
    }
    task "log-shipper" {
      driver = "docker"
      lifecycle {
        hook    = "poststart"
        sidecar = true
      }
      config {
        image = "fluent/fluent-bit:3"
      }
      resources {
        cpu    = 50
        memory = 64
      }
    }
  }
}
