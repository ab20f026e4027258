{
  "job": {
    "canonicalize-connect": {
      "datacenters": [
        "dc1"
      ],
      "group": {
        "api": {
          "network": {
            "mode": "bridge",
            "port": {
              "http": {
                "to": 8080
              }
            }
          },
          "consul": {
            "namespace": "team"
          },
          "service": [
            {
              "name": "api",
              "port": "8080",
              "connect": {
                "sidecar_service": {
                  "tags": [],
                  "meta": {},
                  "proxy": {
                    "local_service_port": 8080,
                    "upstreams": [
                      {
                        "destination_name": "db",
                        "local_bind_port": 5432,
                        "mesh_gateway": {
                          "mode": "local"
                        }
                      },
                      {
                        "destination_name": "cache",
                        "local_bind_port": 6379,
                        "destination_peer": "other",
                        "destination_type": "service"
                      }
                    ],
                    "expose": {
                      "path": {
                        "path": "/health",
                        "protocol": "http",
                        "local_path_port": 8080,
                        "listener_port": "http"
                      }
                    },
                    "transparent_proxy": {
                      "exclude_outbound_ports": [
                        9000
                      ],
                      "exclude_inbound_ports": [],
                      "exclude_uids": []
                    },
                    "config": {
                      "protocol": "http"
                    }
                  }
                },
                "sidecar_task": {
                  "driver": "docker",
                  "config": {
                    "image": "envoy:custom"
                  },
                  "resources": {
                    "cpu": 300
                  },
                  "logs": {
                    "max_files": 3
                  },
                  "meta": {},
                  "volume_mount": {
                    "volume": "v",
                    "destination": "/v"
                  }
                }
              },
              "check": {
                "type": "http",
                "path": "/health",
                "interval": "10s",
                "timeout": "2s",
                "expose": true,
                "check_restart": {
                  "limit": 2
                }
              }
            },
            {
              "name": "weighted",
              "port": "http",
              "weights": {
                "passing": 0,
                "warning": 3
              },
              "check": {
                "type": "tcp",
                "interval": "5s",
                "timeout": "1s",
                "success_before_passing": "${-1}",
                "failures_before_critical": "${-2}",
                "failures_before_warning": 3
              }
            }
          ],
          "task": {
            "api": {
              "driver": "docker",
              "config": {
                "image": "api:1"
              },
              "consul": {
                "cluster": "default"
              }
            }
          }
        }
      }
    }
  }
}
