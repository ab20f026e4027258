{
  "job": {
    "app": {
      "datacenters": [
        "dc1"
      ],
      "group": {
        "app": {
          "task": {
            "server": {
              "driver": "docker",
              "config": {
                "image": "example/app:1.0",
                "command": "/bin/sh",
                "args": [
                  "-c",
                  "exec /app --config=${NOMAD_TASK_DIR}/app.conf"
                ]
              },
              "template": [
                {
                  "destination": "local/app.conf",
                  "change_mode": "signal",
                  "change_signal": "sighup",
                  "data": "listen = \"0.0.0.0:{{ env \"NOMAD_PORT_http\" }}\"\n{{ range service \"db\" }}\ndb = \"{{ .Address }}:{{ .Port }}\"\n{{ end }}\n  nested = true\n"
                },
                {
                  "destination": "secrets/env",
                  "env": true,
                  "left_delimiter": "[[",
                  "right_delimiter": "]]",
                  "data": "DB_PASSWORD=[[ with secret \"kv/db\" ]][[ .Data.password ]][[ end ]]\nALLOC=$${NOMAD_ALLOC_ID}\n"
                }
              ]
            }
          }
        }
      }
    }
  }
}
