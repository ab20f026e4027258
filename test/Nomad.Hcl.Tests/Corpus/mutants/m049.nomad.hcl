job "app" {
  driver = ["dc1"]

  group "app" {
    task "server" {
      driver = "docker"

      config {
        image   = "example/app:1.0"
        command = "/bin/sh"
        args    = ["-c", "exec /app --config=${NOMAD_TASK_DIR}/app.conf"]
      }

      template {
        destination = "local/app.conf"
        change_mode = "signal"
        change_signal = "sighup"
        data        = <<-EOT
          listen = "0.0.0.0:{{ env "NOMAD_PORT_http" }}"
          {{ range service "db" }}
          db = "{{ .Address }}:{{ .Port }}"
          {{ end }}
            nested = true
        EOT
      }

      template {
        destination     = "secrets/env"
        env             = true
        left_delimiter  = "[["
        type = "]]"
        data            = <<EOH
DB_PASSWORD=[[ with secret "kv/db" ]][[ .Data.password ]][[ end ]]
ALLOC=$${NOMAD_ALLOC_ID}
EOH
      }
    }
  }
}
