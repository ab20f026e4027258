{
  "job": {
    "ingress": {
      "datacenters": [
        "*"
      ],
      "type": "system",
      "node_pool": "edge",
      "constraint": {
        "attribute": "${attr.kernel.name}",
        "value": "linux"
      },
      "group": {
        "nginx": {
          "network": {
            "port": [
              {
                "http": {
                  "static": 80
                }
              },
              {
                "https": {
                  "static": 443
                }
              }
            ]
          },
          "task": {
            "nginx": {
              "driver": "docker",
              "artifact": {
                "source": "https://example.com/certs/bundle.tar.gz",
                "destination": "local/certs",
                "options": {
                  "checksum": "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                }
              },
              "template": {
                "destination": "local/nginx.conf",
                "change_mode": "signal",
                "change_signal": "sighup",
                "data": "server {\n  listen {{ env \"NOMAD_PORT_http\" }};\n  server_name {{ env \"node.unique.name\" }};\n{{ range service \"web\" }}\n  # upstream {{ .Address }}:{{ .Port }}\n{{ end }}\n}\n"
              },
              "config": {
                "image": "nginx:1.25",
                "network_mode": "host",
                "volumes": [
                  "local/nginx.conf:/etc/nginx/conf.d/default.conf",
                  "local/certs:/etc/nginx/certs"
                ]
              },
              "env": {
                "NGINX_WORKERS": "auto",
                "NODE_NAME": "${node.unique.name}",
                "ALLOC": "${NOMAD_ALLOC_ID}"
              },
              "resources": {
                "cpu": 200,
                "memory": 128
              }
            }
          }
        }
      }
    }
  }
}
