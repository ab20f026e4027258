{
  "job": {
    "billing": {
      "datacenters": [
        "dc1"
      ],
      "group": {
        "billing": {
          "count": 2,
          "task": {
            "api": {
              "driver": "java",
              "artifact": {
                "source": "https://artifacts.example.com/billing/billing-2.3.1.jar"
              },
              "config": {
                "jar_path": "local/billing-2.3.1.jar",
                "jvm_options": [
                  "-Xmx512m",
                  "-Xms256m"
                ],
                "args": [
                  "--server.port=${NOMAD_PORT_http}"
                ]
              },
              "resources": {
                "cpu": 1000,
                "memory": 768
              },
              "restart": {
                "attempts": 3,
                "delay": "10s"
              }
            }
          },
          "network": {
            "port": {
              "http": {}
            }
          }
        }
      }
    }
  }
}
