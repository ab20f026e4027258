{
  "job": {
    "gateway": {
      "datacenters": [
        "dc1",
        "dc2"
      ],
      "type": "service",
      "reschedule": {
        "delay": "1m",
        "delay_function": "fibonacci",
        "max_delay": "2h",
        "unlimited": true
      },
      "group": {
        "edge": {
          "count": 3,
          "network": {
            "mode": "host",
            "port": [
              {
                "https": {
                  "static": 443
                }
              },
              {
                "admin": {}
              }
            ],
            "dns": {
              "servers": [
                "10.0.0.53"
              ]
            }
          },
          "affinity": {
            "attribute": "${node.class}",
            "value": "edge",
            "weight": "${-30}"
          },
          "spread": {
            "attribute": "${node.datacenter}"
          },
          "service": {
            "name": "edge-https",
            "port": "https",
            "address_mode": "host",
            "tags": [
              "edge",
              "tls"
            ],
            "canary_tags": [
              "canary"
            ],
            "meta": {
              "version": "2"
            },
            "check": [
              {
                "name": "https-alive",
                "type": "http",
                "protocol": "https",
                "path": "/healthz",
                "method": "POST",
                "interval": "15s",
                "timeout": "3s",
                "tls_skip_verify": true,
                "header": {
                  "Authorization": [
                    "Bearer token"
                  ],
                  "X-Probe": [
                    "nomad",
                    "edge"
                  ]
                },
                "check_restart": {
                  "limit": 2,
                  "ignore_warnings": true
                }
              },
              {
                "type": "tcp",
                "port": "admin",
                "interval": "30s",
                "timeout": "5s",
                "on_update": "ignore"
              }
            ]
          },
          "task": [
            {
              "proxy": {
                "driver": "docker",
                "leader": true,
                "config": {
                  "image": "haproxy:2.9",
                  "ports": [
                    "https",
                    "admin"
                  ]
                },
                "resources": {
                  "cpu": 1000,
                  "memory": 512,
                  "memory_max": 1024
                }
              }
            },
            {
              "log-shipper": {
                "driver": "docker",
                "lifecycle": {
                  "hook": "poststart",
                  "sidecar": true
                },
                "config": {
                  "image": "fluent-bit:3"
                }
              }
            }
          ]
        }
      }
    }
  }
}
