{
  "job": {
    "postgres": {
      "datacenters": [
        "dc1"
      ],
      "group": {
        "db": {
          "volume": {
            "data": {
              "type": "host",
              "source": "pg-data",
              "read_only": false
            }
          },
          "ephemeral_disk": {
            "size": 500,
            "sticky": true,
            "migrate": true
          },
          "reschedule": {
            "attempts": 5,
            "interval": "1h",
            "delay": "10s",
            "unlimited": false
          },
          "task": [
            {
              "init-perms": {
                "driver": "docker",
                "lifecycle": {
                  "hook": "prestart",
                  "sidecar": false
                },
                "config": {
                  "image": "busybox:1.36",
                  "command": "sh",
                  "args": [
                    "-c",
                    "chown -R 999:999 /data"
                  ]
                },
                "volume_mount": {
                  "volume": "data",
                  "destination": "/data"
                }
              }
            },
            {
              "postgres": {
                "driver": "docker",
                "user": "999",
                "config": {
                  "image": "postgres:16"
                },
                "volume_mount": {
                  "volume": "data",
                  "destination": "/var/lib/postgresql/data",
                  "read_only": false
                },
                "artifact": [
                  {
                    "source": "https://example.com/init.sql",
                    "destination": "local/init",
                    "options": {
                      "checksum": "sha256:abcdef"
                    }
                  },
                  {
                    "source": "https://example.com/tool.tar.gz",
                    "mode": "file"
                  }
                ],
                "restart": {
                  "attempts": 10,
                  "interval": "5m",
                  "delay": "25s",
                  "mode": "delay"
                },
                "resources": {
                  "cores": 2,
                  "memory": 2048
                }
              }
            }
          ]
        }
      }
    }
  }
}
