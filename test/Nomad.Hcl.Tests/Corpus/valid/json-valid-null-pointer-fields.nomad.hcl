{
  "job": {
    "x": {
      "datacenters": [
        "dc1"
      ],
      "region": null,
      "priority": null,
      "group": {
        "g": {
          "count": null,
          "task": {
            "t": {
              "driver": "docker"
            }
          }
        }
      }
    }
  }
}
