{
  "job": {
    "payments": {
      "datacenters": [
        "dc1"
      ],
      "group": {
        "api": {
          "restart": {
            "render_templates": true
          },
          "task": {
            "api": {
              "driver": "docker",
              "vault": {
                "policies": [
                  "payments-read"
                ],
                "change_mode": "signal",
                "change_signal": "SIGUSR1"
              },
              "template": {
                "data": "{{ with secret \"secret/data/payments\" }}KEY={{ .Data.data.key }}{{ end }}",
                "destination": "secrets/app.env",
                "env": true,
                "change_mode": "script",
                "splay": "10s",
                "perms": "0600",
                "error_on_missing_key": true,
                "change_script": {
                  "command": "/local/reload.sh",
                  "args": [
                    "-v"
                  ],
                  "timeout": "5s",
                  "fail_on_error": true
                },
                "wait": {
                  "min": "2s",
                  "max": "10s"
                }
              },
              "config": {
                "image": "payments:1.2"
              },
              "kill_signal": "SIGTERM",
              "shutdown_delay": "10s"
            }
          }
        }
      }
    }
  }
}
