{
  "locals": {
    "services": {
      "api": {
        "port": 8080,
        "cpu": 300,
        "tags": [
          "api",
          "v2"
        ]
      },
      "worker": {
        "port": 9090,
        "cpu": 500,
        "tags": [
          "worker"
        ]
      }
    },
    "all_tags": "${distinct(flatten([for s in local.services : s.tags]))}",
    "ports": "${{ for name, s in local.services : name => s.port }}"
  },
  "job": {
    "platform": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "tags": "${join(\",\", local.all_tags)}",
        "count": "${tostring_is_not_a_function == null ? \"x\" : \"y\"}"
      },
      "dynamic": {
        "group": {
          "for_each": "${local.services}",
          "labels": [
            "${group.key}"
          ],
          "content": {
            "network": {
              "port": {
                "http": {
                  "to": "${group.value.port}"
                }
              }
            },
            "task": {
              "main": {
                "driver": "docker",
                "config": {
                  "image": "example/${group.key}:latest",
                  "labels": [
                    {
                      "service": "${group.key}"
                    }
                  ]
                },
                "template": {
                  "destination": "local/ports.txt",
                  "data": "${<<-EOT\n            %{~ for name, port in local.ports ~}\n            ${name}=${port}\n            %{ endfor ~}\n            self=${group.key}%{ if group.value.cpu > 400 } (big)%{ endif }\n          EOT\n}"
                },
                "resources": {
                  "cpu": "${group.value.cpu}"
                }
              }
            }
          }
        }
      }
    }
  }
}
