{
  "job": {
    "postgres": {
      "datacenters": [
        "dc1"
      ],
      "group": {
        "db": {
          "count": 1,
          "volume": {
            "pgdata": {
              "type": "host",
              "source": "pgdata",
              "read_only": false
            }
          },
          "network": {
            "port": {
              "pg": {
                "static": 5432
              }
            }
          },
          "service": {
            "name": "postgres",
            "port": "pg",
            "provider": "nomad",
            "check": {
              "type": "script",
              "name": "pg_isready",
              "command": "/usr/bin/pg_isready",
              "args": [
                "-h",
                "127.0.0.1"
              ],
              "interval": "15s",
              "timeout": "5s",
              "task": "postgres"
            }
          },
          "task": {
            "postgres": {
              "driver": "docker",
              "vault": {
                "policies": [
                  "postgres"
                ],
                "change_mode": "restart"
              },
              "volume_mount": {
                "volume": "pgdata",
                "destination": "/var/lib/postgresql/data"
              },
              "template": {
                "destination": "secrets/db.env",
                "env": true,
                "data": "{{ with secret \"kv/data/postgres\" }}\nPOSTGRES_PASSWORD={{ .Data.data.password }}\n{{ end }}\n"
              },
              "config": {
                "image": "postgres:16",
                "ports": [
                  "pg"
                ]
              },
              "resources": {
                "cpu": 1000,
                "memory": 1024
              }
            }
          }
        }
      }
    }
  }
}
