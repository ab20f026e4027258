{
  "job": {
    "secrets": {
      "datacenters": [
        "dc1"
      ],
      "secret": {
        "job-wide": {
          "provider": "nomad",
          "path": "shared/creds"
        }
      },
      "group": {
        "app": {
          "secret": {
            "group-wide": {
              "provider": "vault",
              "path": "kv/group",
              "config": {}
            }
          },
          "scaling": {
            "min": 1,
            "max": 4
          },
          "task": [
            {
              "web": {
                "driver": "docker",
                "config": {
                  "image": "nginx"
                },
                "secret": {
                  "db": {
                    "provider": "vault",
                    "path": "kv/db",
                    "config": {
                      "engine": "kv_v2",
                      "version": 3
                    },
                    "env": {
                      "DB_USER": "admin"
                    }
                  }
                },
                "scaling": [
                  {
                    "cpu": {
                      "enabled": true,
                      "min": 100,
                      "max": 500,
                      "policy": {
                        "cooldown": "5m",
                        "check": {
                          "cpu": {
                            "source": "nomad-apm"
                          }
                        }
                      }
                    }
                  },
                  {
                    "MEM": {
                      "max": 1024,
                      "type": "vertical_mem"
                    }
                  }
                ]
              }
            },
            {
              "sidecar": {
                "driver": "docker",
                "config": {
                  "image": "busybox"
                }
              }
            }
          ]
        }
      },
      "task": {
        "lone": {
          "driver": "exec",
          "config": {
            "command": "/bin/true"
          }
        }
      }
    }
  }
}
